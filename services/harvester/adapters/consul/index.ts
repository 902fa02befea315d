/**
 * The CONSUL Democracy adapter (docs/upstreams/consul.md; docs/data-model.md §3). Requests, in order: `/consul.json`,
 * the `__type` schema probe, proposals per locale (25 a page), then on 2.2.1+ budgets, investments and
 * the budget HTML pages needed to place investments and read winners.
 */
import type { HarvestResult, PlatformKit } from '../../adapter';
import { type ConsulSourceConfig, sourceSchema } from './sourceSchema';
import { harvestBudgets } from './harvestBudgets';
import { harvestProposals } from './harvestProposals';
import { probeConsulVersion } from './probeVersion';

export const consulAdapter = {
  platform: 'consul',
  sourceSchema,
  async harvest(ctx): Promise<HarvestResult> {
    const version = await probeConsulVersion(ctx);
    // A process switched off in /consul.json is not presented by the site, though the API still serves it
    // (docs/upstreams/consul.md §2, §8 note 16; docs/data-model.md §3.7).
    const on = (process: string) => version.features[process] !== null;
    const proposals = on('proposals') ? await harvestProposals(ctx) : [];
    const { budgets, projects } =
      version.hasBudgets && on('budgets') ? await harvestBudgets(ctx) : { budgets: [], projects: [] };
    return { platformVersion: version.platformVersion, proposals, budgets, projects };
  },
} satisfies PlatformKit<ConsulSourceConfig>;

export { normaliseProposal } from './normaliseProposal';
export { normaliseBudget } from './normaliseBudget';
export { normaliseProject } from './normaliseProject';
export { consulProposalStatus } from './proposalStatus';
export { consulBudgetPhase } from './budgetPhase';
export { parsePublicCreatedAt } from './parsePublicCreatedAt';
