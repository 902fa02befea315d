/**
 * The Pabulib adapter: one source is a directory of `.pb` files (docs/upstreams/pabulib.md), on a web
 * server or on local disk; each listed file is one past election, harvested as a finished budget with
 * its projects, vote counts and anonymous ballots. Pabulib has no proposals.
 */
import type { HarvestContext, PlatformKit } from '../../adapter';
import { harvestBudgets } from './harvestBudgets';
import { type PabulibSourceConfig, sourceSchema } from './sourceSchema';

export const pabulibAdapter = {
  platform: 'pabulib',
  sourceSchema,
  harvest: (ctx: HarvestContext<PabulibSourceConfig>) => harvestBudgets(ctx),
} satisfies PlatformKit<PabulibSourceConfig>;

export { normaliseBudget } from './normaliseBudget';
export { normaliseProject } from './normaliseProject';
export { readElection } from './readElection';
