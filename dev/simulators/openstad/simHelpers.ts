/** Small pieces shared by the headless and legacy routes of the simulated OpenStad installation. */
import type { SimResponse } from '../simServer';

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `1 maart 2025 10:12`, the `…Humanized` form of both generations (moment `LLL` in nl, Amsterdam time). */
export function humanize(iso: string | null): string | null {
  if (!iso) return null;
  const parts = Object.fromEntries(amsterdam.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The Wilson lower bound H stores as `score`, a DECIMAL(12,11) that arrives as a string (docs/upstreams/openstad.md §2.5). */
export function wilsonScore(yes: number, no: number): string {
  const n = yes + no;
  if (n === 0) return '0.00000000000';
  const z = 1.96;
  const p = yes / n;
  const score = (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p) + (z * z) / (4 * n)) / n)) / (1 + (z * z) / n);
  return score.toFixed(11);
}

/** `getSafeConfig` walks arrays as objects, so arrays come out index-keyed (docs/upstreams/openstad.md §2.7). */
export function indexKeyed(value: unknown): unknown {
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), indexKeyed(v)]));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, indexKeyed(v)]));
  return value;
}

const FRIENDLY: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  400: 'Bad Request',
};

/** The JSON error both generations send: `{status, friendlyStatus, message}` (docs/upstreams/openstad.md §2.1). */
export function errorJson(status: number, message: string): SimResponse {
  return { status, json: { status, friendlyStatus: FRIENDLY[status] ?? 'Error', message } };
}

/** What Express answers for a route nobody mounted. */
export function cannotGet(method: string, path: string): SimResponse {
  return {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    text: `<!DOCTYPE html><html><body><pre>Cannot ${method} ${path}</pre></body></html>`,
  };
}

/** A query flag as the Express apps read it: present and not `false`/`0`. */
export function flag(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v !== null && v !== 'false' && v !== '0';
}

/** Every value of a repeatable numeric query parameter (`tags=1&tags=2`, `tags[]=1`). */
export function ids(q: URLSearchParams, name: string): number[] {
  return [...q.getAll(name), ...q.getAll(`${name}[]`)]
    .flatMap((v) => v.split(','))
    .map(Number)
    .filter(Number.isFinite);
}
