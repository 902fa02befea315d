import { z } from 'zod';
import type { ConsulSourceConfig } from './sourceSchema';
import type { HarvestContext } from '../../adapter';
import { UpstreamSchemaError } from '../../errors';

const envelopeSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string() }).loose()).optional(),
});

/**
 * POSTs one GraphQL operation to `/graphql?locale=<locale>` (docs/upstreams/consul.md §2: JSON body, translatable fields
 * in the request locale) and returns `data`. Validation, depth and complexity errors come back as HTTP 200
 * with `errors` (docs/upstreams/consul.md §2, §3.2); they mean the installation does not accept our query (after an
 * upgrade, say), so they are thrown as UpstreamSchemaError naming the server's message.
 */
export async function consulGraphql(
  ctx: HarvestContext<ConsulSourceConfig>,
  query: string,
  variables: Record<string, unknown> = {},
  locale?: string,
): Promise<Record<string, unknown>> {
  const path = locale ? `graphql?locale=${encodeURIComponent(locale)}` : 'graphql';
  const body = await ctx.http.postJson(path, { query, variables });
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success)
    throw new UpstreamSchemaError(
      `POST /graphql answered JSON that is not a GraphQL response: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  const { data, errors } = parsed.data;
  if (errors?.length) {
    throw new UpstreamSchemaError(
      `POST /graphql rejected the query: ${errors
        .map((e) => e.message)
        .join('; ')
        .slice(0, 300)}`,
    );
  }
  if (!data) throw new UpstreamSchemaError('POST /graphql answered without data');
  return data;
}
