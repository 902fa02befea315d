/**
 * graphql-ruby's offset connections as Decidim serves them (docs/upstreams/decidim.md §4.2): cursors are base64 of a
 * 1-based offset without padding (`after: "Mg"` starts at the third item), page size capped at 50
 * silently (§1.3 `schema_max_per_page`), `first`/`after` and `last`/`before`.
 */
export const MAX_PAGE_SIZE = 50;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<N> {
  edges: { cursor: string; node: N }[];
  nodes: N[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** The cursor of the item at 0-based `index`: base64 of `index + 1`, padding dropped (e.g. `Mg`, `NA`). */
export function encodeCursor(index: number): string {
  return Buffer.from(String(index + 1))
    .toString('base64')
    .replace(/=+$/, '');
}

/** The 1-based offset a cursor stands for; garbage reads as 0, as `"x".to_i` does in Ruby. */
export function decodeCursor(cursor: string): number {
  const n = Number.parseInt(Buffer.from(cursor, 'base64').toString('utf8'), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * One page of `items`, rendered with `render` (which may return null: a node the caller may not read,
 * docs/upstreams/decidim.md §4.4). With `loop`, `after` is ignored and the first page always says there is more — the
 * `paginationLoop` fault.
 */
export function connection<T, N>(
  items: readonly T[],
  args: ConnectionArgs,
  render: (item: T) => N,
  loop = false,
): Connection<N> {
  let start = args.after && !loop ? Math.min(decodeCursor(args.after), items.length) : 0;
  let end = args.before ? Math.max(start, Math.min(decodeCursor(args.before) - 1, items.length)) : items.length;
  const sliceStart = start;
  const sliceEnd = end;
  if (typeof args.first === 'number') end = Math.min(end, start + Math.max(0, Math.min(args.first, MAX_PAGE_SIZE)));
  if (typeof args.last === 'number') start = Math.max(start, end - Math.max(0, Math.min(args.last, MAX_PAGE_SIZE)));
  if (typeof args.first !== 'number' && typeof args.last !== 'number') end = Math.min(end, start + MAX_PAGE_SIZE);
  const edges = items.slice(start, end).map((item, i) => ({ cursor: encodeCursor(start + i), node: render(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: loop ? true : end < sliceEnd,
      hasPreviousPage: start > sliceStart || (Boolean(args.after) && start > 0),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
