/**
 * The outcome of a budget: the platform's reported winners where it marks them (REPORTED), otherwise the
 * winners of the budget's stated or declared rule on the published votes or anonymous ballots (COMPUTED),
 * otherwise nothing, with the reason. A rule is never guessed, and one rule's answer is never given under
 * another's name. Amounts are integer cents throughout.
 */
import type { AnonymousBallots, Budget, BudgetProject, DeclaredOutcomeRule, Money } from '../../core/model';
import { equalShares, equalSharesAdd1 } from './equalShares';
import { greedyByVotes, greedyNoSkip } from './greedy';

export type OutcomeRule =
  | 'PLATFORM'
  | 'GREEDY_BY_VOTES'
  | 'GREEDY_BY_VOTES_NO_SKIP'
  | 'GREEDY_BY_VOTES_THRESHOLD'
  | 'GREEDY_BY_VOTES_PER_THEME'
  | 'TOP_K_BY_VOTES'
  | 'EQUAL_SHARES'
  | 'EQUAL_SHARES_ADD1';

export interface Outcome {
  basis: 'REPORTED' | 'COMPUTED';
  rule: OutcomeRule;
  provisional: boolean;
  selected: BudgetProject[];
  totalCost: Money | null;
  remaining: Money | null;
}

export type OutcomeUnavailableReason =
  | 'NO_PROJECTS'
  | 'NO_RULE'
  | 'RULE_NOT_COMPUTABLE'
  | 'VOTES_NOT_PUBLIC'
  | 'NO_BALLOTS'
  | 'COSTS_UNKNOWN'
  | 'TOTAL_UNKNOWN'
  | 'BALLOT_KIND_UNSUPPORTED';

export interface OutcomeUnavailable {
  reason: OutcomeUnavailableReason;
  message: string;
}

/** Exactly one of the two is set. */
export interface OutcomeResult {
  outcome: Outcome | null;
  unavailable: OutcomeUnavailable | null;
}

const none = (reason: OutcomeUnavailableReason, message: string): OutcomeResult => ({
  outcome: null,
  unavailable: { reason, message },
});

/** Whether the outcome needs the anonymous ballots (so that a caller can skip loading them). */
export function needsBallots(budget: Budget, projects: readonly BudgetProject[]): boolean {
  return !reportsWinners(projects) && (budget.outcomeRule?.rule.startsWith('equalshares') ?? false);
}

/**
 * A platform reports an outcome once it marks at least one winner: Decidim lists every project as
 * `selected: false` while voting is open, which is no outcome at all.
 */
const reportsWinners = (projects: readonly BudgetProject[]) => projects.some((p) => p.selected === true);

/**
 * @param projects all the budget's listed projects, in the platform's order.
 * @param ballots the budget's anonymous ballots, where stored; only Equal Shares needs them.
 */
export function budgetOutcome(
  budget: Budget,
  projects: readonly BudgetProject[],
  ballots: AnonymousBallots | null,
): OutcomeResult {
  const provisional = budget.phase !== 'FINISHED';
  const finish = (basis: Outcome['basis'], rule: OutcomeRule, selected: BudgetProject[]): OutcomeResult => {
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
    return { outcome: { basis, rule, provisional, selected, totalCost, remaining }, unavailable: null };
  };

  if (projects.length === 0) return none('NO_PROJECTS', 'The budget has no projects.');
  if (reportsWinners(projects))
    return finish(
      'REPORTED',
      'PLATFORM',
      projects.filter((p) => p.selected === true),
    );
  const declared = budget.outcomeRule;
  if (!declared)
    return none(
      'NO_RULE',
      'The platform marks no winners and states no rule, and the source declares none (sources file `outcomeRule`).',
    );
  if (projects.some((p) => p.cost === null)) return none('COSTS_UNKNOWN', 'Not every project has a published cost.');
  const byId = new Map(projects.map((p) => [p.id, p]));
  const pick = (ids: readonly string[]) => ids.map((id) => byId.get(id)!);
  const cost = (p: BudgetProject) => p.cost!.amountMinor;
  const kind = budget.votingRule.kind;

  if (declared.rule === 'equalshares' || declared.rule === 'equalshares/add1') {
    const total = budget.total?.amountMinor;
    if (total === undefined) return none('TOTAL_UNKNOWN', "Equal Shares needs the budget's total, which is unknown.");
    if (kind === 'POINTS' || kind.startsWith('PER_THEME'))
      return none('BALLOT_KIND_UNSUPPORTED', `Equal Shares is computed for approval ballots, not ${kind}.`);
    if (!ballots || ballots.ballots.length === 0)
      return none('NO_BALLOTS', 'Equal Shares needs the anonymous ballots; none are stored for this budget.');
    const election = approvalElection(projects, ballots, total);
    return declared.rule === 'equalshares'
      ? finish('COMPUTED', 'EQUAL_SHARES', pick(equalShares(election, 'approval')))
      : finish('COMPUTED', 'EQUAL_SHARES_ADD1', pick(equalSharesAdd1(election, 'approval')));
  }
  if (!declared.rule.startsWith('greedy') || declared.rule === 'greedy-exclusive' || declared.rule === 'greedy-custom')
    return none('RULE_NOT_COMPUTABLE', `Inspraak does not compute the rule \`${declared.rule}\`.`);
  if (projects.some((p) => p.voteCount === null))
    return none('VOTES_NOT_PUBLIC', 'The platform does not publish the votes of every project.');
  const scored = projects.map((p) => ({ id: p.id, cost: cost(p), votes: p.voteCount! }));
  if (kind === 'PER_THEME_BUDGET' || kind === 'PER_THEME_CHOOSE_K')
    return perTheme(budget, declared, projects, scored, finish, pick);
  const total = budget.total?.amountMinor;
  if (total === undefined) return none('TOTAL_UNKNOWN', "The budget's total is not published.");
  switch (declared.rule) {
    case 'greedy':
      return finish('COMPUTED', 'GREEDY_BY_VOTES', pick(greedyByVotes(scored, total)));
    case 'greedy-threshold':
      return finish(
        'COMPUTED',
        'GREEDY_BY_VOTES_THRESHOLD',
        pick(greedyByVotes(scored, total, declared.threshold ?? 0)),
      );
    default:
      return finish('COMPUTED', 'GREEDY_BY_VOTES_NO_SKIP', pick(greedyNoSkip(scored, total)));
  }
}

/** Greedy per theme: the ballot's limit applies to each theme's group of projects (docs/data-model.md). */
function perTheme(
  budget: Budget,
  declared: DeclaredOutcomeRule,
  projects: readonly BudgetProject[],
  scored: { id: string; cost: number; votes: number }[],
  finish: (basis: 'COMPUTED', rule: OutcomeRule, selected: BudgetProject[]) => OutcomeResult,
  pick: (ids: readonly string[]) => BudgetProject[],
): OutcomeResult {
  const limit = budget.votingRule.maxTotal?.amountMinor;
  if (budget.votingRule.kind !== 'PER_THEME_BUDGET' || declared.rule !== 'greedy')
    return none('RULE_NOT_COMPUTABLE', `\`${declared.rule}\` per theme on ${budget.votingRule.kind} is not computed.`);
  if (limit === undefined || budget.votingRule.themes.length === 0)
    return none('TOTAL_UNKNOWN', 'The per-theme limit or the themes are not published.');
  const themes = new Set(budget.votingRule.themes);
  const themeOf = new Map(projects.map((p) => [p.id, p.tags.find((t) => themes.has(t.name))?.name]));
  const ids: string[] = [];
  for (const theme of budget.votingRule.themes)
    ids.push(
      ...greedyByVotes(
        scored.filter((s) => themeOf.get(s.id) === theme),
        limit,
      ),
    );
  return finish('COMPUTED', 'GREEDY_BY_VOTES_PER_THEME', pick(ids));
}

/**
 * The ballots as an approval election over the listed projects; votes for unlisted projects drop out.
 * Amounts are in whole currency units, rounded down, as Pabulib defines the rule (its checker floors
 * costs and budget, and Add1 raises each voter's share one unit at a time).
 */
function approvalElection(projects: readonly BudgetProject[], stored: AnonymousBallots, totalMinor: number) {
  const byUpstream = new Map(projects.map((p) => [p.provenance.upstreamId, p.id]));
  const ids = stored.projects.map((u) => byUpstream.get(u));
  return {
    projects: projects.map((p) => ({ id: p.id, cost: Math.floor(p.cost!.amountMinor / 100) })),
    ballots: stored.ballots.map((b) => b.vote.map((i) => ids[i]).filter((id): id is string => id !== undefined)),
    budget: Math.floor(totalMinor / 100),
  };
}
