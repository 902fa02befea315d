/**
 * One validated Decidim budget and its validated projects → the unified Budget and BudgetProjects
 * (data-model §4.2, §4.3, §4.6, §4.7). Title and description are in the primary language, every other
 * language the organisation publishes is kept in `translations` (§2.5).
 */
import { imagesOf } from './imagesOf';
import { makeId } from '../../../core/ids';
import { fromWholeUnits } from '../../../core/money';
import type { Budget, BudgetProject } from '../../../core/model';
import type { DecidimSourceConfig } from './sourceSchema';
import { formattedText, plainText } from '../../text';
import { budgetPhase } from './budgetPhase';
import type { DecidimSettings } from './decidimSettings';
import { componentUrl, type SpaceRef } from './spaceRef';
import { tagsOf } from './tagsOf';
import type { TaxonomyIndex } from './taxonomyIndex';
import { budgetTranslations, primaryLocale, textIn } from './translations';
import type { BudgetNode, ProjectNode } from './upstreamSchemas';
import { votingRule } from './votingRule';

export interface BudgetContext {
  source: Pick<DecidimSourceConfig, 'id' | 'municipality' | 'baseUrl' | 'currency'>;
  harvestedAt: string;
  settings: Pick<DecidimSettings, 'locale' | 'timeZone' | 'phaseSteps' | 'votingRule' | 'phase'>;
  taxonomies: TaxonomyIndex;
  space: Pick<SpaceRef, 'kind' | 'slug' | 'steps'>;
  componentId: string;
  /** Upstream ids of the proposals this harvest kept, for `proposalId` (data-model §4.3). */
  harvestedProposalIds: ReadonlySet<string>;
}

const byNumericId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Normalises a budget with its projects; throws only on values the unified model cannot hold. */
export function normaliseBudget(
  node: BudgetNode,
  projects: ProjectNode[],
  c: BudgetContext,
): { budget: Budget; projects: BudgetProject[] } {
  const { source } = c;
  const locale = primaryLocale(node.title, c.settings.locale);
  const budgetId = makeId(source.id, 'budget', node.id);
  const total = fromWholeUnits(node.total, source.currency);
  const provenance = (upstreamId: string, upstreamReference: string | null) => ({
    sourceId: source.id,
    platform: 'DECIDIM' as const,
    upstreamId,
    upstreamReference,
    harvestedAt: c.harvestedAt,
  });
  // ≤0.30 has no `url`: the budget's projects page under the component path (derived, verify).
  const budgetUrl = node.url ?? `${componentUrl(source.baseUrl, c.space, c.componentId)}/budgets/${node.id}/projects`;
  const phase = budgetPhase({
    steps: c.space.steps,
    anySelected: projects.some((p) => p.selected === true),
    harvestedAt: c.harvestedAt,
    phaseSteps: c.settings.phaseSteps,
    phase: c.settings.phase,
    timeZone: c.settings.timeZone,
  });
  // `projects` has no order argument: position is the rank of the id (data-model §4.3).
  const order = projects.map((p) => p.id).sort(byNumericId);

  const budget: Budget = {
    id: budgetId,
    municipalityCode: source.municipality,
    title: plainText(textIn(node.title, locale)),
    description: formattedText(textIn(node.description, locale)),
    locale,
    ...budgetTranslations(node.title, node.description, locale),
    total,
    phase: phase.phase,
    platformPhase: phase.platformPhase,
    votingPeriod: phase.votingPeriod,
    votingRule: votingRule(c.settings.votingRule, total, source.currency),
    voterCount: null, // not exposed (docs/upstreams/decidim.md §3)
    outcomeRule: null, // Decidim has no rule: admins mark winners `selected` (docs/data-model.md, "Outcome rules")
    ballots: null, // Decidim publishes no ballots (docs/data-model.md, "What each platform publishes")
    url: budgetUrl,
    createdAt: node.createdAt,
    provenance: provenance(node.id, null), // budgets have no reference
    removedAt: null,
  };

  return {
    budget,
    projects: projects.map((p): BudgetProject => {
      const related = (p.relatedProposals ?? [])
        .map((r) => r?.id)
        .filter((id): id is string => id !== undefined && c.harvestedProposalIds.has(id))
        .sort(byNumericId);
      const point = p.coordinates ? { latitude: p.coordinates.latitude, longitude: p.coordinates.longitude } : null;
      return {
        id: makeId(source.id, 'project', p.id),
        budgetId,
        municipalityCode: source.municipality,
        position: order.indexOf(p.id),
        title: plainText(textIn(p.title, locale)),
        description: formattedText(textIn(p.description, locale)),
        ...budgetTranslations(p.title, p.description, locale),
        cost: p.budget_amount === null ? null : fromWholeUnits(p.budget_amount, source.currency),
        voteCount: p.confirmedVotes ?? null, // 0.31+ and only with show-votes on (docs/upstreams/decidim.md §8 note 10)
        selected: p.selected,
        platformStatus: null,
        tags: tagsOf(p, c.taxonomies, locale).tags,
        location: point || p.address ? { point, address: p.address || null } : null,
        images: imagesOf(p.attachments, source.baseUrl, locale),
        proposalId: related[0] ? makeId(source.id, 'proposal', related[0]) : null,
        url: p.url ?? `${budgetUrl}/${p.id}`,
        provenance: provenance(p.id, p.reference),
        removedAt: null,
      };
    }),
  };
}
