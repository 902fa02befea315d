/**
 * A file's ballot (META `vote_type`, `min_length`, `max_length`, `min_sum_cost`, `max_sum_cost`,
 * docs/upstreams/pabulib.md §2) → the unified VotingRule (docs/data-model.md §6).
 */
import type { VotingRule } from '../../../core/model';
import type { PabulibMeta } from './upstreamSchemas';

export function votingRule(meta: PabulibMeta, currency: string): VotingRule {
  const money = (minor: number | undefined) => (minor === undefined ? null : { amountMinor: minor, currency });
  const limits = {
    minTotal: money(meta.min_sum_cost),
    maxTotal: money(meta.max_sum_cost),
    minProjects: meta.min_length ?? null,
    maxProjects: meta.max_length ?? null,
    themes: [],
  };
  switch (meta.vote_type) {
    case 'approval':
      // A cap on the chosen projects' cost makes it a ballot within a budget; otherwise a choice of projects.
      return { kind: meta.max_sum_cost !== undefined ? 'APPROVAL_WITHIN_BUDGET' : 'CHOOSE_K', ...limits };
    case 'choose-1':
      return { kind: 'CHOOSE_K', ...limits, minProjects: 1, maxProjects: 1 };
    case 'cumulative':
    case 'scoring':
      return { kind: 'POINTS', ...limits };
    default:
      // `ordinal` (a ranking) and an unstated ballot have no unified kind.
      return { kind: 'UNKNOWN', ...limits };
  }
}
