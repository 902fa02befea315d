const PATTERN = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/;

/**
 * Parses CONSUL's `publicCreatedAt` (Ruby `Time#to_s`, hour-truncated, site zone: docs/upstreams/consul.md §3.3, §8
 * note 8) into UTC ISO with milliseconds, as docs/data-model.md §2.2 prescribes:
 * `2025-03-04 18:00:00 +0100` → `2025-03-04T17:00:00.000Z`. Returns null for anything else.
 */
export function parsePublicCreatedAt(value: string): string | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  const instant = new Date(local - offset);
  // Date.UTC rolls 2025-02-30 over into March; a value that does not round-trip is not a time.
  if (Number.isNaN(instant.getTime()) || new Date(local).getUTCDate() !== Number(d)) return null;
  return instant.toISOString();
}
