/**
 * Times as a Dutch CONSUL installation (config.time_zone "Amsterdam") writes them (docs/upstreams/consul.md §3.3).
 */
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

function parts(instant: string) {
  const p = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  // longOffset is "GMT+01:00", or "GMT" for a zero offset.
  const m = /([+-])(\d\d):(\d\d)/.exec(p.timeZoneName ?? '');
  const offset = m ? { sign: m[1]!, hh: m[2]!, mm: m[3]! } : { sign: '+', hh: '00', mm: '00' };
  return { ...p, offset } as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> & {
    offset: typeof offset;
  };
}

/** `publicCreatedAt`: Ruby `Time#to_s` of `created_at.change(min: 0)`, e.g. `2025-03-04 18:00:00 +0100`. */
export function formatPublicCreatedAt(instant: string): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:00:00 ${p.offset.sign}${p.offset.hh}${p.offset.mm}`;
}

/** An `ISO8601DateTime` value, e.g. `2024-06-01T10:12:44+02:00` (not rounded). */
export function formatIso8601DateTime(instant: string): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset.sign}${p.offset.hh}:${p.offset.mm}`;
}
