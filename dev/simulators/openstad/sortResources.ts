/**
 * The `sort` parameter of the headless resource list (docs/upstreams/openstad.md §2.3, `H:…/middleware/sorting.js`):
 * repeatable; `votes_desc`/`ranking` → yes DESC, `votes_asc`, `score`, `title`, `random`, or
 * `<column>_asc|_desc` for a real column; anything else falls back to `createdAt DESC`. The legacy
 * generation's own names (`createdate_asc`, `date_desc`, …, docs/upstreams/openstad.md §3) are handled in `sortIdeas`.
 */
import type { SimResource } from './resolveSeed';

type Compare = (a: SimResource, b: SimResource) => number;

const COLUMNS: Record<string, (r: SimResource) => number | string | null> = {
  id: (r) => r.id,
  createdAt: (r) => r.createdAt,
  updatedAt: (r) => r.updatedAt,
  publishDate: (r) => r.publishDate,
  startDate: (r) => r.createdAt,
  budget: (r) => r.budget,
  title: (r) => r.seed.title,
  yes: (r) => r.yes,
  no: (r) => r.no,
};

function by(get: (r: SimResource) => number | string | null, dir: 1 | -1): Compare {
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === y) return 0;
    if (x === null) return -dir; // SQL sorts NULL first ascending
    if (y === null) return dir;
    return (x < y ? -1 : 1) * dir;
  };
}

function headlessRule(sort: string): Compare {
  if (sort === 'votes_desc' || sort === 'ranking') return by((r) => r.yes, -1);
  if (sort === 'votes_asc') return by((r) => r.yes, 1);
  if (sort === 'score') return by((r) => r.yes / Math.max(1, r.yes + r.no), -1);
  if (sort === 'title') return by((r) => r.seed.title, 1);
  if (sort === 'random') return by((r) => (r.id * 2654435761) % 4294967296, 1);
  const m = /^(\w+)_(asc|desc)$/i.exec(sort);
  const column = m ? COLUMNS[m[1]!] : undefined;
  if (m && column) return by(column, m[2]!.toLowerCase() === 'asc' ? 1 : -1);
  return by((r) => r.createdAt, -1);
}

/** Sorts a copy of `items` by the headless `sort` values (id ascending breaks ties). */
export function sortResources(items: SimResource[], sorts: string[]): SimResource[] {
  const rules = (sorts.length ? sorts : ['createdAt_desc']).map(headlessRule);
  rules.push(by((r) => r.id, 1));
  return [...items].sort((a, b) => {
    for (const rule of rules) {
      const c = rule(a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
}

const STATUS_WEIGHT: Record<string, number> = { OPEN: 0, ACCEPTED: 1, BUSY: 2, DONE: 3, CLOSED: 4, DENIED: 5 };

/**
 * Sorts ideas by the legacy `sort` (docs/upstreams/openstad.md §3): votes_*, createdate_*, date_* (default `date_desc`:
 * status weight, then startDate); `budget_asc`/`budget_desc` are bugged upstream and sort by createdAt.
 */
export function sortIdeas(items: SimResource[], sort: string | null): SimResource[] {
  const s = sort ?? 'date_desc';
  const rules: Compare[] =
    s === 'votes_desc'
      ? [by((r) => r.yes, -1)]
      : s === 'votes_asc'
        ? [by((r) => r.yes, 1)]
        : s === 'createdate_asc' || s === 'budget_asc' || s === 'budget_desc'
          ? [by((r) => r.createdAt, 1)]
          : s === 'createdate_desc'
            ? [by((r) => r.createdAt, -1)]
            : s === 'date_asc'
              ? [by((r) => STATUS_WEIGHT[r.legacyStatus] ?? 9, 1), by((r) => r.createdAt, 1)]
              : [by((r) => STATUS_WEIGHT[r.legacyStatus] ?? 9, 1), by((r) => r.createdAt, -1)];
  rules.push(by((r) => r.id, 1));
  return [...items].sort((a, b) => {
    for (const rule of rules) {
      const c = rule(a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
}
