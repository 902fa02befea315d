/**
 * Harvests every proposal of one Proposals component: pages it, skips null nodes (moderated, 0.30+ —
 * not an error, docs/upstreams/decidim.md §4.4, §8 note 5), validates each node and reports and skips the bad ones.
 */
import { z } from 'zod';
import { proposalSchema, type Proposal } from '../../../core/model';
import type { HarvestContext } from '../../adapter';
import type { DecidimSourceConfig } from './sourceSchema';
import type { DecidimFeatures } from './detectFeatures';
import { normaliseProposal } from './normaliseProposal';
import { pageComponent } from './pageComponent';
import { proposalsQuery } from './queries';
import type { SpaceRef } from './spaceRef';
import type { TaxonomyIndex } from './taxonomyIndex';
import { proposalNode } from './upstreamSchemas';

export interface ProposalHarvestInput {
  features: DecidimFeatures;
  locale: string;
  taxonomies: TaxonomyIndex;
  space: SpaceRef;
  componentId: string;
}

const idOf = (node: unknown) => {
  const id = (node as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : null;
};

/** The normalised proposals of one component; bad records go to ctx.report. */
export async function harvestProposals(
  ctx: HarvestContext<DecidimSourceConfig>,
  input: ProposalHarvestInput,
): Promise<Proposal[]> {
  const out: Proposal[] = [];
  await pageComponent(ctx, proposalsQuery(input.features), 'proposals', input.componentId, (edges, stray) => {
    for (const message of stray)
      ctx.report({ kind: 'proposal', upstreamId: null, message: `Decidim component ${input.componentId}: ${message}` });
    for (const edge of edges) {
      if (edge.node === null) continue;
      const upstreamId = idOf(edge.node);
      if (edge.errors.length) {
        ctx.report({
          kind: 'proposal',
          upstreamId,
          message: edge.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '),
        });
        continue;
      }
      const parsed = proposalNode.safeParse(edge.node);
      if (!parsed.success) {
        ctx.report({
          kind: 'proposal',
          upstreamId,
          message: `unexpected proposal shape: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ').slice(0, 300)}`,
        });
        continue;
      }
      try {
        const proposal = proposalSchema.parse(
          normaliseProposal(parsed.data, {
            source: ctx.source,
            harvestedAt: ctx.harvestedAt,
            locale: input.locale,
            taxonomies: input.taxonomies,
            space: input.space,
            componentId: input.componentId,
          }),
        );
        out.push(proposal);
      } catch (e) {
        ctx.report({
          kind: 'proposal',
          upstreamId,
          message: `cannot normalise: ${(e as Error).message.replace(/\s+/g, ' ').slice(0, 300)}`,
        });
      }
    }
  });
  return out;
}
