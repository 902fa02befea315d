/**
 * Calendar days and instants. The platforms publish some dates as days (Decidim 0.27 step dates, CONSUL's
 * balloting days, Pabulib's `date_begin`/`date_end`), meant in the municipality's own time zone; we store
 * instants (UTC ISO strings), and write days back out (the `.pb` export) in that same zone
 * (docs/data-model.md §2.2).
 */

/** Every municipality we serve is Dutch; sources may declare another zone where a platform says so. */
export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

/** The offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
function offsetMs(timeZone: string, utcMs: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(utcMs))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

/**
 * A day (`YYYY-MM-DD`) as the UTC instant of its first (`start`) or last (`end`) millisecond in `timeZone`.
 * A value that is not a bare day is read as an instant.
 */
export function dayInstant(value: string | null, edge: 'start' | 'end', timeZone: string): string | null {
  if (!value) return null;
  const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (!day) return new Date(value).toISOString();
  const local =
    edge === 'start'
      ? Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!)
      : Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!, 23, 59, 59, 999);
  return new Date(local - offsetMs(timeZone, local)).toISOString();
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) that the instant `iso` falls on in `timeZone`. */
export function localDay(iso: string, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}
