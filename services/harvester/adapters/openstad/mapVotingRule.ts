/** `votes.voteType` and its limits → VotingRule (docs/data-model.md §5.7, docs/upstreams/openstad.md §2.7, §3). */
import { fromWholeUnits } from '../../../core/money';
import type { VotingRule } from '../../../core/model';
import type { SafeVotes } from './upstreamSchemas';

export type BallotType = 'budgeting' | 'count' | 'budgetingPerTag' | 'countPerTag';

/**
 * The ballot type of a `voteType`, or null for `likes` and anything unknown (not a ballot: the project's
 * resources are proposals). H's legacy aliases `*PerTheme` and A's `*-per-theme` map to `*PerTag` (§1, §2.7).
 */
export function ballotType(voteType: string | null | undefined): BallotType | null {
  switch (voteType) {
    case 'budgeting':
    case 'count':
    case 'budgetingPerTag':
    case 'countPerTag':
      return voteType;
    case 'budgetingPerTheme':
    case 'budgeting-per-theme':
      return 'budgetingPerTag';
    case 'countPerTheme':
    case 'count-per-theme':
      return 'countPerTag';
    default:
      return null;
  }
}

/**
 * The voting rule of a ballot: `budgeting` → APPROVAL_WITHIN_BUDGET with min/maxBudget as min/maxTotal;
 * `count` → CHOOSE_K with min/maxResources as min/maxProjects; the per-tag types → PER_THEME_* with the same
 * limits applied to each group and `themes` the group names. Limits the type does not enforce are null, and
 * an absent min/maxBudget is null (docs/upstreams/openstad.md §7 note 5).
 */
export function mapVotingRule(votes: SafeVotes | undefined, currency: string, themes: string[]): VotingRule {
  const type = ballotType(votes?.voteType);
  const money = (n: number | null | undefined) => (n === null || n === undefined ? null : fromWholeUnits(n, currency));
  const int = (n: number | null | undefined) => n ?? null;
  const unknown: VotingRule = {
    kind: 'UNKNOWN',
    minTotal: null,
    maxTotal: null,
    minProjects: null,
    maxProjects: null,
    themes: [],
  };
  if (!votes || !type) return unknown;
  switch (type) {
    case 'budgeting':
      return {
        ...unknown,
        kind: 'APPROVAL_WITHIN_BUDGET',
        minTotal: money(votes.minBudget),
        maxTotal: money(votes.maxBudget),
      };
    case 'count':
      return {
        ...unknown,
        kind: 'CHOOSE_K',
        minProjects: int(votes.minResources),
        maxProjects: int(votes.maxResources),
      };
    case 'budgetingPerTag':
      return {
        ...unknown,
        kind: 'PER_THEME_BUDGET',
        minTotal: money(votes.minBudget),
        maxTotal: money(votes.maxBudget),
        themes,
      };
    case 'countPerTag':
      return {
        ...unknown,
        kind: 'PER_THEME_CHOOSE_K',
        minProjects: int(votes.minResources),
        maxProjects: int(votes.maxResources),
        themes,
      };
  }
}
