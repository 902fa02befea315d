/**
 * The outcome of a budget: the platform's reported winners where it reports them (REPORTED), otherwise
 * the winners the budget's rule gives on the published votes (COMPUTED), otherwise nothing. Amounts are
 * integer cents throughout.
 */
import type { Budget, BudgetProject, Money } from '../../core/model';
import { greedyByVotes } from './greedy';

export type OutcomeRule = 'PLATFORM' | 'GREEDY_BY_VOTES' | 'GREEDY_BY_VOTES_PER_THEME' | 'TOP_K_BY_VOTES';

export interface Outcome {
  basis: 'REPORTED' | 'COMPUTED';
  rule: OutcomeRule;
  provisional: boolean;
  selected: BudgetProject[];
  totalCost: Money | null;
  remaining: Money | null;
}

/** `projects` are all the budget's listed projects, in the platform's order. */
export function budgetOutcome(budget: Budget, projects: readonly BudgetProject[]): Outcome | null {
  const provisional = budget.phase !== 'FINISHED';
  const finish = (basis: Outcome['basis'], rule: OutcomeRule, selected: BudgetProject[]): Outcome => {
    const costs = selected.map((p) => p.cost);
    const totalCost = costs.every((c) => c !== null)
      ? {
          amountMinor: costs.reduce((s, c) => s + c!.amountMinor, 0),
          currency: budget.total?.currency ?? costs[0]?.currency ?? 'EUR',
        }
      : null;
    const remaining =
      totalCost && budget.total
        ? { amountMinor: budget.total.amountMinor - totalCost.amountMinor, currency: budget.total.currency }
        : null;
    return { basis, rule, provisional, selected, totalCost, remaining };
  };

  if (projects.length > 0 && projects.some((p) => p.selected !== null)) {
    return finish(
      'REPORTED',
      'PLATFORM',
      projects.filter((p) => p.selected === true),
    );
  }
  if (projects.length === 0 || projects.some((p) => p.voteCount === null || p.cost === null)) return null;
  const scored = projects.map((p) => ({ id: p.id, cost: p.cost!.amountMinor, votes: p.voteCount! }));
  const byId = new Map(projects.map((p) => [p.id, p]));
  const pick = (ids: string[]) => ids.map((id) => byId.get(id)!);
  const limit = (budget.votingRule.maxTotal ?? budget.total)?.amountMinor;
  switch (budget.votingRule.kind) {
    case 'APPROVAL_WITHIN_BUDGET':
      return limit === undefined ? null : finish('COMPUTED', 'GREEDY_BY_VOTES', pick(greedyByVotes(scored, limit)));
    case 'CHOOSE_K': {
      const k = budget.votingRule.maxProjects;
      if (k === null) return null;
      const ids = greedyByVotes(scored, limit ?? Number.MAX_SAFE_INTEGER).slice(0, k);
      return finish('COMPUTED', 'TOP_K_BY_VOTES', pick(ids));
    }
    case 'PER_THEME_BUDGET': {
      // openstad.md §7 note 6: the same limit applies to each theme's group of projects.
      if (limit === undefined || budget.votingRule.themes.length === 0) return null;
      const themes = new Set(budget.votingRule.themes);
      const ids: string[] = [];
      for (const theme of budget.votingRule.themes) {
        const group = scored.filter((s) => byId.get(s.id)!.tags.find((t) => themes.has(t.name))?.name === theme);
        ids.push(...greedyByVotes(group, limit));
      }
      return finish('COMPUTED', 'GREEDY_BY_VOTES_PER_THEME', pick(ids));
    }
    default:
      // Points, per-theme choose-k and unknown rules: not computed rather than guessed.
      return null;
  }
}
