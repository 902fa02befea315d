/**
 * The OpenStad adapter: one source is one project (headless) or site (legacy) of an installation,
 * `ctx.source.projectId`, in the configured `generation` (openstad.md §1), which is verified first.
 */
import type { PlatformAdapter } from '../../adapter';
import type { OpenstadSourceConfig } from '../../config';
import { harvestHeadless } from './harvestHeadless';
import { harvestLegacy } from './harvestLegacy';

export const openstadAdapter: PlatformAdapter<OpenstadSourceConfig> = {
  platform: 'openstad',
  harvest: (ctx) => (ctx.source.generation === 'headless' ? harvestHeadless(ctx) : harvestLegacy(ctx)),
};

export { normaliseHeadlessProposal } from './normaliseHeadlessProposal';
export { normaliseHeadlessProject } from './normaliseHeadlessProject';
export { normaliseHeadlessBudget, mapBudgetPhase } from './normaliseHeadlessBudget';
export { normaliseLegacyIdea } from './normaliseLegacyIdea';
export { mapVotingRule, ballotType } from './mapVotingRule';
