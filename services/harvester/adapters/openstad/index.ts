/**
 * The OpenStad adapter: one source is one project (headless) or site (legacy) of an installation,
 * `ctx.source.projectId`. Its generation (docs/upstreams/openstad.md §1) is detected from which tenant path answers, or
 * verified when the source configures `generation` (fetchTenant.ts).
 */
import type { HarvestContext, PlatformKit } from '../../adapter';
import { type OpenstadSourceConfig, sourceSchema } from './sourceSchema';
import { fetchTenant } from './fetchTenant';
import { harvestHeadless } from './harvestHeadless';
import { harvestLegacy } from './harvestLegacy';

export const openstadAdapter = {
  platform: 'openstad',
  sourceSchema,
  harvest: async (ctx: HarvestContext<OpenstadSourceConfig>) => {
    const { generation, tenant } = await fetchTenant(ctx.http, ctx.source.generation, ctx.source.projectId);
    return generation === 'headless' ? harvestHeadless(ctx, tenant) : harvestLegacy(ctx, tenant);
  },
} satisfies PlatformKit<OpenstadSourceConfig>;

export { normaliseProposal } from './normaliseProposal';
export { normaliseProject } from './normaliseProject';
export { normaliseBudget, mapBudgetPhase } from './normaliseBudget';
export { normaliseLegacyIdea } from './normaliseLegacyIdea';
export { mapVotingRule, ballotType } from './mapVotingRule';
