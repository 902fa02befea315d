import { makeId } from '../../../core/ids';
import type { Budget } from '../../../core/model';
import { plainText } from '../../text';
import { consulBudgetPhase } from './budgetPhase';
import { baseUrlOf, type NormaliseContext } from './normaliseProposal';
import type { ConsulBudgetNode } from './upstreamSchemas';

/**
 * Normalises one CONSUL budget (docs/data-model.md §3.2). GraphQL gives only id, name and phase
 * (docs/upstreams/consul.md §5.1): description, total, phase dates and voter count are not exposed and stay empty or
 * null. The voting rule is UNKNOWN because `voting_style` is not exposed (docs/upstreams/consul.md §8 note 13,
 * data-model §3.6); nothing is guessed.
 */
export function normaliseBudget(node: ConsulBudgetNode, ctx: NormaliseContext): Budget {
  const { source } = ctx;
  return {
    id: makeId(source.id, 'budget', node.id),
    municipalityCode: source.municipality,
    title: plainText(node.name),
    description: { html: '', text: '' },
    locale: source.locales[0] ?? 'nl',
    total: null,
    phase: consulBudgetPhase(node.phase),
    platformPhase: node.phase,
    votingPeriod: null,
    votingRule: { kind: 'UNKNOWN', minTotal: null, maxTotal: null, minProjects: null, maxProjects: null, themes: [] },
    voterCount: null,
    // CONSUL's own code decides the winners greedily per heading (docs/data-model.md, "Outcome rules").
    outcomeRule: { rule: 'greedy', threshold: null, statedBy: 'PLATFORM' },
    ballots: null,
    url: `${baseUrlOf(source)}/budgets/${node.id}`,
    createdAt: null,
    provenance: {
      sourceId: source.id,
      platform: 'CONSUL',
      upstreamId: node.id,
      upstreamReference: null,
      harvestedAt: ctx.harvestedAt,
    },
    removedAt: null,
  };
}
