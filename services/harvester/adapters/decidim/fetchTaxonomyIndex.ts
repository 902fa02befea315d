/** Reads the organization's taxonomy roots (0.30+) and indexes them (data-model §4.1). */
import { z } from 'zod';
import type { HarvestContext } from '../../adapter';
import type { DecidimSourceConfig } from './sourceSchema';
import { UpstreamSchemaError } from '../../errors';
import { postGraphql } from './postGraphql';
import { TAXONOMIES_QUERY } from './queries';
import { taxonomyIndex, type TaxonomyIndex } from './taxonomyIndex';
import { taxonomiesPayload } from './upstreamSchemas';

/** One request: `organization { taxonomies { … } }`. */
export async function fetchTaxonomyIndex(
  ctx: HarvestContext<DecidimSourceConfig>,
  areaTaxonomyRoots: string[] | undefined,
): Promise<TaxonomyIndex> {
  const { data } = await postGraphql(ctx, 'taxonomies', TAXONOMIES_QUERY);
  const parsed = taxonomiesPayload.safeParse(data);
  if (!parsed.success)
    throw new UpstreamSchemaError(
      `Decidim taxonomies have an unexpected shape: ${z.prettifyError(parsed.error).slice(0, 300)}`,
    );
  return taxonomyIndex(parsed.data.organization?.taxonomies ?? [], areaTaxonomyRoots);
}
