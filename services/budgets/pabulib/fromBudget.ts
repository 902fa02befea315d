/**
 * A budget as a Pabulib file (https://pabulib.org/format), written to pass Pabulib's checker
 * (services/budgets/pabulib/check.ts re-states its rules): META holds only keys the format knows, in the
 * checker's order, and leaves out what is unknown rather than writing 0; Inspraak's provenance goes into
 * `comment`. PROJECTS has cost and votes in whole currency units; VOTES lists the stored anonymous
 * ballots with voter ids 1, 2, 3, …, and is empty where the platform publishes no ballots (the file then
 * says so in `comment`, and is not one the checker accepts: its num_votes and votes have no VOTES rows).
 */
import type { AnonymousBallots, Budget, BudgetProject, VotingRule } from '../../core/model';
import { DUTCH_TIME_ZONE, dayInstant, localDay } from '../../core/days';
import type { OutcomeResult } from '../outcome/budgetOutcome';
import type { VoteType } from '../../core/pabulib/fields';
import type { PabulibFile } from '../../core/pabulib/parse';

/** Whole units as Pabulib writes them: `30000`, or `12.5` for amounts with cents. */
const units = (cents: number) => String(cents / 100);
/** `dd.mm.yyyy`, the day an instant falls on in the Netherlands (where every budget we serve is held). */
const day = (iso: string | null | undefined) => {
  if (!iso) return undefined;
  const [y, m, d] = localDay(iso, DUTCH_TIME_ZONE).split('-');
  return `${d}.${m}.${y}`;
};
/**
 * `date_begin` and `date_end`: days, or years where the period runs from a year's first instant to a
 * year's last in Dutch time (how a Pabulib source stores a file that gives only years, docs/data-model.md §7).
 */
export function pabulibDates(period: Budget['votingPeriod']): [string | undefined, string | undefined] {
  const { start, end } = period ?? { start: null, end: null };
  const startYear = start ? localDay(start, DUTCH_TIME_ZONE).slice(0, 4) : null;
  const endYear = end ? localDay(end, DUTCH_TIME_ZONE).slice(0, 4) : null;
  if (
    startYear &&
    endYear &&
    start === dayInstant(`${startYear}-01-01`, 'start', DUTCH_TIME_ZONE) &&
    end === dayInstant(`${endYear}-12-31`, 'end', DUTCH_TIME_ZONE)
  )
    return [startYear, endYear];
  return [day(start), day(end)];
}
/**
 * A project's id in the file: its upstream id, less the budget's upstream id where the platform scopes
 * project ids within their budget as `<budget>/<project>` (Pabulib sources, whose ids are unique per file).
 */
const projectIdIn = (budget: Budget) => {
  const prefix = `${budget.provenance.upstreamId}/`;
  return (upstreamId: string) => (upstreamId.startsWith(prefix) ? upstreamId.slice(prefix.length) : upstreamId);
};
/** List items may not contain the separator, nor have whitespace around it. */
const listItem = (s: string) => s.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();

/** Pabulib's `vote_type` of a ballot; undefined where the platform does not publish it. */
export function voteTypeOf(rule: VotingRule): VoteType | undefined {
  switch (rule.kind) {
    case 'APPROVAL_WITHIN_BUDGET':
    case 'CHOOSE_K':
    case 'PER_THEME_BUDGET':
    case 'PER_THEME_CHOOSE_K':
      return rule.maxProjects === 1 ? 'choose-1' : 'approval';
    case 'POINTS':
      return 'cumulative';
    default:
      return undefined;
  }
}

export interface ExportInput {
  budget: Budget;
  /** All listed projects, in the platform's order. */
  projects: readonly BudgetProject[];
  municipalityName: string;
  result: OutcomeResult;
  ballots: AnonymousBallots | null;
}

export function budgetToPabulib({ budget, projects, municipalityName, result, ballots }: ExportInput): PabulibFile {
  const rule = budget.votingRule;
  const voteType = voteTypeOf(rule);
  const listed = new Set(projects.map((p) => p.provenance.upstreamId));
  const idOf = projectIdIn(budget);
  const [dateBegin, dateEnd] = pabulibDates(budget.votingPeriod);
  const votes = (ballots?.ballots ?? [])
    .map((b) => {
      const kept = b.vote.map((i, j) => [ballots!.projects[i]!, b.points?.[j]] as const).filter(([u]) => listed.has(u));
      return { vote: kept.map(([u]) => idOf(u)), points: b.points ? kept.map(([, pt]) => pt!) : null };
    })
    .filter((b) => b.vote.length > 0);
  const costs = projects.map((p) => p.cost?.amountMinor);
  const allCosts = costs.every((c) => c !== undefined) ? costs.reduce((s, c) => s! + c!, 0)! : null;
  const limitsApply = rule.kind === 'APPROVAL_WITHIN_BUDGET' || rule.kind === 'PER_THEME_BUDGET';
  const year = (budget.votingPeriod?.end ?? budget.votingPeriod?.start ?? budget.createdAt)?.slice(0, 4);
  const comments = [
    `Exported by Inspraak from ${budget.provenance.platform} (${budget.url ?? `source ${budget.provenance.sourceId}`}), Inspraak id ${budget.id}, harvested ${budget.provenance.harvestedAt.slice(0, 10)}.`,
    ballots
      ? `VOTES are the anonymous ballots the platform publishes, shuffled, with new voter ids.`
      : 'The platform publishes no individual ballots, so VOTES is empty.',
    ...(result.outcome?.basis === 'REPORTED' ? ['selected marks the winners as the platform reports them.'] : []),
    ...(result.outcome?.basis === 'COMPUTED'
      ? [`selected marks the winners Inspraak computed under the ${budget.outcomeRule!.rule} rule.`]
      : []),
  ];
  const meta: [string, string | undefined][] = [
    ['description', budget.title],
    ['country', 'Netherlands'],
    ['unit', municipalityName],
    ['instance', year],
    ['num_projects', String(projects.length)],
    ['num_votes', ballots ? String(votes.length) : budget.voterCount !== null ? String(budget.voterCount) : undefined],
    ['budget', budget.total ? units(budget.total.amountMinor) : undefined],
    ['vote_type', voteType],
    ['rule', budget.outcomeRule?.rule ?? 'unknown'],
    ['date_begin', dateBegin],
    ['date_end', dateEnd],
    ['min_length', voteType !== 'choose-1' && rule.minProjects ? String(rule.minProjects) : undefined],
    // A maximum of at least the number of projects limits nothing (and the checker refuses it).
    [
      'max_length',
      voteType !== 'choose-1' && rule.maxProjects !== null && rule.maxProjects < projects.length
        ? String(rule.maxProjects)
        : undefined,
    ],
    ['min_sum_cost', limitsApply && rule.minTotal ? units(rule.minTotal.amountMinor) : undefined],
    ['max_sum_cost', limitsApply && rule.maxTotal ? units(rule.maxTotal.amountMinor) : undefined],
    [
      'min_project_score_threshold',
      budget.outcomeRule?.rule === 'greedy-threshold' ? String(budget.outcomeRule.threshold ?? 0) : undefined,
    ],
    ['language', /^[a-z]{2}/.exec(budget.locale)?.[0]],
    ['currency', budget.total?.currency ?? projects.find((p) => p.cost)?.cost?.currency],
    ['fully_funded', budget.total && allCosts !== null && allCosts <= budget.total.amountMinor ? '1' : undefined],
    ['comment', comments.map((c, i) => `#${i + 1}: ${c}`).join(' ')],
  ];

  const outcome = result.outcome;
  const chosen = new Set(outcome?.selected.map((p) => p.id) ?? []);
  const withVotes = projects.some((p) => p.voteCount !== null);
  const withPlace = projects.some((p) => p.location?.point);
  const columns = [
    'project_id',
    'cost',
    ...(withVotes ? ['votes'] : []),
    'name',
    'category',
    ...(outcome ? ['selected'] : []),
    ...(withPlace ? ['latitude', 'longitude'] : []),
  ];
  const rows = projects.map((p) => [
    idOf(p.provenance.upstreamId),
    p.cost ? units(p.cost.amountMinor) : '',
    ...(withVotes ? [p.voteCount !== null ? String(p.voteCount) : ''] : []),
    p.title.replace(/\s+/g, ' ').trim(),
    [...new Set(p.tags.map((t) => listItem(t.name)).filter(Boolean))].join(','),
    ...(outcome ? [chosen.has(p.id) ? '1' : '0'] : []),
    ...(withPlace
      ? [
          p.location?.point ? String(p.location.point.latitude) : '',
          p.location?.point ? String(p.location.point.longitude) : '',
        ]
      : []),
  ]);
  const withPoints = votes.some((v) => v.points !== null);
  return {
    meta: meta.filter((m): m is [string, string] => m[1] !== undefined && m[1] !== ''),
    projects: { columns, rows },
    votes: {
      columns: ['voter_id', 'vote', ...(withPoints ? ['points'] : [])],
      rows: votes.map((v, i) => [String(i + 1), v.vote.join(','), ...(withPoints ? [(v.points ?? []).join(',')] : [])]),
    },
  };
}
