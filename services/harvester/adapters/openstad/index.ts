/**
 * The OpenStad adapter: one source is one project (headless) or site (legacy) of an installation,
 * `ctx.source.projectId`, in the configured `generation` (openstad.md §1), which is verified first.
 */
import type { HarvestContext, PlatformKit } from '../../adapter';
import { type OpenstadSourceConfig, sourceSchema } from './sourceSchema';
import { harvestHeadless } from './harvestHeadless';
import { harvestLegacy } from './harvestLegacy';

export const openstadAdapter = {
  platform: 'openstad',
  sourceSchema,
  harvest: (ctx: HarvestContext<OpenstadSourceConfig>) =>
    ctx.source.generation === 'headless' ? harvestHeadless(ctx) : harvestLegacy(ctx),
} satisfies PlatformKit<OpenstadSourceConfig>;

export { normaliseHeadlessProposal } from './normaliseHeadlessProposal';
export { normaliseHeadlessProject } from './normaliseHeadlessProject';
export { normaliseHeadlessBudget, mapBudgetPhase } from './normaliseHeadlessBudget';
export { normaliseLegacyIdea } from './normaliseLegacyIdea';
export { mapVotingRule, ballotType } from './mapVotingRule';
