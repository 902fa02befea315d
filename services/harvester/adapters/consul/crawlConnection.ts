import { z } from 'zod';
import type { ConsulSourceConfig } from './sourceSchema';
import type { HarvestContext } from '../../adapter';
import { UpstreamSchemaError } from '../../errors';
import { pageGuard } from '../../http/HttpClient';
import { consulGraphql } from './consulGraphql';

/** Never more: CONSUL cuts `first` to 25 and a bigger one only inflates the complexity (docs/upstreams/consul.md §3.1, §8 note 3). */
export const PAGE_SIZE = 25;

const connectionSchema = z.object({
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  nodes: z.array(z.unknown()),
});

export interface CrawlOptions {
  /** An operation taking `$after: String` whose connection selects `pageInfo { hasNextPage endCursor } nodes { … }`. */
  query: string;
  variables?: Record<string, unknown>;
  locale?: string;
  /** Picks the connection out of `data`. */
  pick: (data: Record<string, unknown>) => unknown;
  /** Names the collection in errors, e.g. `proposals (nl)`. */
  where: string;
}

/**
 * Follows a Relay connection from the start until `hasNextPage` is false, with offset cursors used only as
 * the server gives them (docs/upstreams/consul.md §3.1). Returns the raw nodes, unvalidated (each is validated by its
 * caller so that one bad record does not fail the crawl). Throws UpstreamSchemaError for a connection of
 * the wrong shape and PaginationError when a cursor comes back twice.
 */
export async function crawlConnection(
  ctx: HarvestContext<ConsulSourceConfig>,
  options: CrawlOptions,
): Promise<unknown[]> {
  const guard = pageGuard(`CONSUL ${options.where}`);
  const nodes: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await consulGraphql(ctx, options.query, { ...options.variables, after }, options.locale);
    const parsed = connectionSchema.safeParse(options.pick(data));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UpstreamSchemaError(
        `CONSUL ${options.where}: the connection is not shaped as expected (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
      );
    }
    nodes.push(...parsed.data.nodes);
    const { hasNextPage, endCursor } = parsed.data.pageInfo;
    if (!hasNextPage) return nodes;
    if (!endCursor) throw new UpstreamSchemaError(`CONSUL ${options.where}: hasNextPage without an endCursor`);
    guard(endCursor);
    after = endCursor;
  }
}
