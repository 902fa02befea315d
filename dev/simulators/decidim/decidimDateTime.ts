/**
 * Decidim writes DateTime as `Time#iso8601` in the organization's time zone: offset, no fractions, UTC as
 * `+00:00` (docs/upstreams/decidim.md §3 scalars, §1.1 "Timestamps are rendered in the organization's time zone").
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Renders a UTC instant as Decidim does, e.g. `2025-05-03T10:22:11+02:00`; null stays null. */
export function decidimDateTime(utc: string | null, timeZone = 'Europe/Amsterdam'): string | null {
  if (utc === null) return null;
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(utc))
      .map((p) => [p.type, p.value]),
  );
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Renders the local calendar day of a UTC instant (`Date` scalar, `YYYY-MM-DD`). */
export function decidimDate(utc: string | null, timeZone = 'Europe/Amsterdam'): string | null {
  return decidimDateTime(utc, timeZone)?.slice(0, 10) ?? null;
}
