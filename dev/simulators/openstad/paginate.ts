/**
 * The list answer of both generations (docs/upstreams/openstad.md §2.4, `H:…/middleware/pagination.js`; A the same, §3):
 * without `page` (and without `noPagination`) a bare JSON array; with `page` the `{metadata, records}`
 * envelope, pages 0-based, default `pageSize` 20 and no maximum, links relative and built from the
 * request URL, `previous`/`next` left out at the edges.
 */
import type { SimRequest, SimResponse } from '../simServer';

export interface PaginateOptions {
  /** Platform fault: every page answers with page 0's records and metadata that claims more pages. */
  loop?: boolean;
  /** Drift fault: the envelope's `records` key comes back renamed, as after an upgrade. */
  renameRecords?: boolean;
}

/** Pages `items` (already filtered and sorted) as the request asks; `render` turns the served ones into JSON. */
export function paginate<T>(
  items: T[],
  req: SimRequest,
  options: PaginateOptions = {},
  render: (item: T) => unknown = (x) => x,
): SimResponse {
  const q = req.query;
  const noPagination = q.get('noPagination') === 'true' || q.get('noPagination') === '1';
  if (q.get('page') === null && !noPagination) return { status: 200, json: items.map(render) };

  const total = items.length;
  const pageSize = noPagination ? Math.max(total, 1) : Math.max(1, Number.parseInt(q.get('pageSize') ?? '', 10) || 20);
  let page = noPagination ? 0 : Math.max(0, Number.parseInt(q.get('page') ?? '', 10) || 0);
  let pageCount = Math.ceil(total / pageSize);
  let totalCount = total;
  if (options.loop) {
    // The same page again, forever: page 0's records, page number 0, and a `next` link to itself.
    page = 0;
    pageCount = Math.max(2, pageCount + 1);
    totalCount = Math.max(total, pageSize * pageCount);
  }
  const link = (n: number) => {
    const params = new URLSearchParams(q);
    params.set('page', String(n));
    params.set('pageSize', String(pageSize));
    return `${req.path}?${params.toString()}`;
  };
  const records = items.slice(page * pageSize, (page + 1) * pageSize).map(render);
  const links: Record<string, string> = { self: link(page), first: link(0), last: link(Math.max(0, pageCount - 1)) };
  if (options.loop) links.next = link(page);
  else if (page + 1 < pageCount) links.next = link(page + 1);
  if (page > 0) links.previous = link(page - 1);
  const metadata = { page, pageSize, pageCount, totalCount, links };
  return { status: 200, json: options.renameRecords ? { metadata, rows: records } : { metadata, records } };
}
