/**
 * One GraphQL request to `POST /api` (docs/upstreams/decidim.md §1.1), its envelope validated. `data` is used even when
 * `errors` sits beside it (§8 note 5); a query that failed as a whole (no `data`, or `data: null`) is an
 * UpstreamSchemaError naming Decidim's messages, e.g. "Field 'voteCount' doesn't exist on type 'Proposal'".
 */
import type { HarvestContext } from '../../adapter';
import type { DecidimSourceConfig } from './sourceSchema';
import { UpstreamSchemaError } from '../../errors';
import { envelope, type GraphqlError } from './upstreamSchemas';

export interface GraphqlAnswer {
  data: Record<string, unknown> | null;
  errors: GraphqlError[];
}

/** Sends `query` with `variables`; returns data and errors as they came (data null when it failed as a whole). */
export async function sendGraphql(
  ctx: HarvestContext<DecidimSourceConfig>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlAnswer> {
  const body = await ctx.http.postJson('/api', { query, variables });
  const parsed = envelope.safeParse(body);
  if (!parsed.success)
    throw new UpstreamSchemaError(
      `Decidim /api answered something that is not a GraphQL response: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`,
    );
  return { data: parsed.data.data ?? null, errors: parsed.data.errors ?? [] };
}

/** Like sendGraphql, but a query that failed as a whole throws UpstreamSchemaError naming `what`. */
export async function postGraphql(
  ctx: HarvestContext<DecidimSourceConfig>,
  what: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlAnswer & { data: Record<string, unknown> }> {
  const answer = await sendGraphql(ctx, query, variables);
  if (answer.data === null) {
    const messages = answer.errors.map((e) => e.message).join('; ') || 'no data and no errors';
    throw new UpstreamSchemaError(`Decidim rejected the ${what} query: ${messages.slice(0, 500)}`);
  }
  return { ...answer, data: answer.data };
}
