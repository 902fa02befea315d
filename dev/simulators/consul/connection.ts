/**
 * graphql-ruby's array connection as CONSUL serves it (docs/upstreams/consul.md §3.1): offset cursors, base64url without
 * padding of the 1-based position (`"MjU"` = 25), `first`/`after`/`last`/`before`, no `totalCount`.
 */
import { GraphQLError } from 'graphql';

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface ConnectionOptions {
  /** `default_max_page_size` (25 on 2.2.1+); null = no cap, as on 1.5.0 – 2.2.0 (docs/upstreams/consul.md §1, §3.2). */
  maxPageSize: number | null;
  /** The `paginationLoop` fault: ignore `after` and always claim there is a next page. */
  loop?: boolean;
}

/** The cursor of the item at 1-based position `n`. */
export function encodeCursor(n: number): string {
  return Buffer.from(String(n)).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 0) throw new GraphQLError(`Invalid cursor: ${JSON.stringify(cursor)}`);
  return n;
}

/** One page of `items`, mapping only the returned rows through `view`. */
export function connection<T, V>(
  items: readonly T[],
  args: ConnectionArgs,
  view: (item: T) => V,
  options: ConnectionOptions,
) {
  let start = args.after && !options.loop ? decodeCursor(args.after) : 0;
  let end = args.before ? Math.max(0, decodeCursor(args.before) - 1) : items.length;
  start = Math.min(start, items.length);
  end = Math.max(start, Math.min(end, items.length));
  const cap = (n: number) => Math.max(0, options.maxPageSize === null ? n : Math.min(n, options.maxPageSize));
  // Omitting first and last means "first: default_max_page_size" (docs/upstreams/consul.md §3.1); uncapped on 2.2.0.
  const first =
    args.first != null
      ? cap(args.first)
      : args.last == null && options.maxPageSize !== null
        ? options.maxPageSize
        : null;
  let sliceStart = start;
  const sliceEnd = first === null ? end : Math.min(end, start + first);
  if (args.last != null) sliceStart = Math.max(sliceStart, sliceEnd - cap(args.last));
  const rows = items
    .slice(sliceStart, sliceEnd)
    .map((item, i) => ({ cursor: encodeCursor(sliceStart + i + 1), node: view(item) }));
  return {
    edges: rows,
    nodes: rows.map((r) => r.node),
    pageInfo: {
      hasNextPage: options.loop ? true : first !== null && sliceEnd < end,
      hasPreviousPage: args.last != null && sliceStart > start,
      startCursor: rows[0]?.cursor ?? null,
      endCursor: rows.at(-1)?.cursor ?? null,
    },
  };
}
