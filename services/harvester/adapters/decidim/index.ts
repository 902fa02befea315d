/**
 * The Decidim adapter (docs/upstreams/decidim.md, data-model §4). Request sequence for one installation:
 * 1. the version probe (§8 note 2);
 * 2. the spaces listing (processes and assemblies with component ids), plus one `assembly(id:)` per child
 *    assembly the root list leaves out;
 * 3. on 0.30+, the organization's taxonomy roots;
 * 4. per Proposals component, its pages of 50 (`order: {id: "asc"}`);
 * 5. per Budgets component, its pages of budgets with their projects.
 * Requests go one after another through the polite HttpClient, which also backs off on 429 and 5xx.
 */
import type { Budget, BudgetProject, Proposal } from '../../../core/model';
import type { HarvestContext, HarvestResult, PlatformKit } from '../../adapter';
import { type DecidimSourceConfig, sourceSchema } from './sourceSchema';
import { decidimSettings } from './decidimSettings';
import { detectFeatures } from './detectFeatures';
import { fetchSpaces } from './fetchSpaces';
import { fetchTaxonomyIndex } from './fetchTaxonomyIndex';
import { harvestBudgets } from './harvestBudgets';
import { harvestProposals } from './harvestProposals';
import { EMPTY_TAXONOMY_INDEX } from './taxonomyIndex';

/** Harvests one Decidim organization: all public proposals, budgets and projects. */
async function harvest(ctx: HarvestContext<DecidimSourceConfig>): Promise<HarvestResult> {
  const settings = decidimSettings(ctx.source);
  const features = await detectFeatures(ctx);
  const spaces = await fetchSpaces(ctx);
  const taxonomies = features.taxonomies
    ? await fetchTaxonomyIndex(ctx, settings.areaTaxonomyRoots)
    : EMPTY_TAXONOMY_INDEX;

  // Keyed by id: offset paging can show a row twice when rows move (docs/upstreams/decidim.md §4.2).
  const proposals = new Map<string, Proposal>();
  const doneComponents = new Set<string>();
  for (const space of spaces) {
    for (const componentId of space.proposalComponents) {
      if (doneComponents.has(componentId)) continue;
      doneComponents.add(componentId);
      for (const p of await harvestProposals(ctx, {
        features,
        locale: settings.locale,
        taxonomies,
        space,
        componentId,
      }))
        proposals.set(p.id, p);
    }
  }

  const harvestedProposalIds = new Set([...proposals.values()].map((p) => p.provenance.upstreamId));
  const budgets = new Map<string, Budget>();
  const projects = new Map<string, BudgetProject>();
  for (const space of spaces) {
    for (const componentId of space.budgetComponents) {
      if (doneComponents.has(componentId)) continue;
      doneComponents.add(componentId);
      const result = await harvestBudgets(ctx, {
        features,
        settings,
        taxonomies,
        space,
        componentId,
        harvestedProposalIds,
      });
      for (const b of result.budgets) budgets.set(b.id, b);
      for (const p of result.projects) projects.set(p.id, p);
    }
  }

  return {
    platformVersion: features.band,
    proposals: [...proposals.values()],
    budgets: [...budgets.values()],
    projects: [...projects.values()],
  };
}

export const decidimAdapter = {
  platform: 'decidim',
  sourceSchema,
  harvest,
} satisfies PlatformKit<DecidimSourceConfig>;
