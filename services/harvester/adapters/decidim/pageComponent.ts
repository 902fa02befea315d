/**
 * Pages one component's connection (`proposals` or `budgets`) with `first: 50` and `after: endCursor`
 * (docs/upstreams/decidim.md §4.2, §8 note 8), guarding against a cursor that comes back (pageGuard → PaginationError).
 * Yields each page's edges with the GraphQL errors that point into them; errors that only say "no
 * point" (the coordinates quirk, §8 note 6) or "not readable" (UNAUTHORIZED_OBJECT_ERROR, §1.4) are dropped.
 */
import { z } from 'zod';
import type { HarvestContext } from '../../adapter';
import type { DecidimSourceConfig } from './sourceSchema';
import { UpstreamSchemaError } from '../../errors';
import { pageGuard } from '../../http/HttpClient';
import { postGraphql } from './postGraphql';
import { connectionPage, type GraphqlError } from './upstreamSchemas';

export interface PageEdge {
  /** The node as it came, or null (moderated, 0.30+, §4.4). */
  node: unknown;
  /** Messages of errors whose path points into this edge. */
  errors: { message: string; path: (string | number)[] }[];
}

const benign = (e: GraphqlError) =>
  (e.path ?? []).includes('coordinates') || e.extensions?.code === 'UNAUTHORIZED_OBJECT_ERROR';

/** Pages `field` of component `componentId` with `query`, calling `onPage` with each page's edges and stray errors. */
export async function pageComponent(
  ctx: HarvestContext<DecidimSourceConfig>,
  query: string,
  field: 'proposals' | 'budgets',
  componentId: string,
  onPage: (edges: PageEdge[], strayErrors: string[]) => void,
): Promise<void> {
  const where = `Decidim component ${componentId} ${field}`;
  const guard = pageGuard(where);
  let after: string | null = null;
  for (;;) {
    const answer = await postGraphql(ctx, field, query, { id: componentId, after });
    const component = answer.data.component as Record<string, unknown> | null | undefined;
    // Listed a moment ago, null now: unpublished or gone mid-crawl. Not a complete crawl, so fail the source.
    if (!component) throw new UpstreamSchemaError(`${where}: component(id: ${componentId}) returned null`);
    const page = connectionPage.safeParse(component[field]);
    if (!page.success)
      throw new UpstreamSchemaError(
        `${where}: unexpected connection shape: ${z.prettifyError(page.error).slice(0, 300)}`,
      );
    const edges: PageEdge[] = page.data.edges.map((e) => ({ node: e?.node ?? null, errors: [] }));
    const stray: string[] = [];
    for (const e of answer.errors.filter((x) => !benign(x))) {
      const path = e.path ?? [];
      const at = path.indexOf('edges');
      const index = at >= 0 ? path[at + 1] : undefined;
      const edge = typeof index === 'number' ? edges[index] : undefined;
      if (edge) edge.errors.push({ message: e.message, path: path.slice(at + 2) });
      else stray.push(e.message);
    }
    onPage(edges, stray);
    const { hasNextPage, endCursor } = page.data.pageInfo;
    if (!hasNextPage) return;
    if (!endCursor) throw new UpstreamSchemaError(`${where}: hasNextPage without an endCursor`);
    guard(endCursor);
    after = endCursor;
  }
}
