/**
 * A budget as a Pabulib file (https://pabulib.org/format). META carries the standard keys Inspraak
 * knows plus `inspraak_id` and `source_url`; PROJECTS has cost and votes in whole currency units as
 * Pabulib expects; there is no VOTES section, since Inspraak stores no individual ballots.
 */
import type { Budget, BudgetProject } from '../../core/model';
import type { PabulibFile } from './parse';
import type { Outcome } from '../outcome/budgetOutcome';

const RULE: Record<Outcome['rule'], string> = {
  PLATFORM: 'unknown',
  GREEDY_BY_VOTES: 'greedy',
  GREEDY_BY_VOTES_PER_THEME: 'greedy',
  TOP_K_BY_VOTES: 'greedy',
};

/** Whole units as Pabulib writes them: `30000`, or `12.5` for amounts with cents. */
const units = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));
const day = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : undefined;

export function budgetToPabulib(
  budget: Budget,
  projects: readonly BudgetProject[],
  municipalityName: string,
  outcome: Outcome | null,
): PabulibFile {
  const rule = budget.votingRule;
  const meta: [string, string | undefined][] = [
    ['description', budget.title],
    ['country', 'Netherlands'],
    ['unit', municipalityName],
    ['instance', (budget.votingPeriod?.end ?? budget.createdAt ?? budget.provenance.harvestedAt).slice(0, 4)],
    ['num_projects', String(projects.length)],
    ['num_votes', String(budget.voterCount ?? 0)],
    ['budget', budget.total ? units(budget.total.amountMinor) : undefined],
    ['vote_type', 'approval'],
    ['rule', outcome ? RULE[outcome.rule] : 'unknown'],
    ['date_begin', day(budget.votingPeriod?.start)],
    ['date_end', day(budget.votingPeriod?.end)],
    ['min_length', rule.minProjects !== null ? String(rule.minProjects) : undefined],
    ['max_length', rule.maxProjects !== null ? String(rule.maxProjects) : undefined],
    ['min_sum_cost', rule.minTotal ? units(rule.minTotal.amountMinor) : undefined],
    ['max_sum_cost', rule.maxTotal ? units(rule.maxTotal.amountMinor) : undefined],
    ['language', budget.locale],
    ['currency', budget.total?.currency ?? projects.find((p) => p.cost)?.cost?.currency ?? 'EUR'],
    ['inspraak_id', budget.id],
    ['source_url', budget.url ?? undefined],
    [
      'comment',
      "#1: Exported by Inspraak from the municipality's own platform; no individual ballots are published, so there is no VOTES section.",
    ],
  ];
  const reported = projects.some((p) => p.selected !== null);
  const chosen = new Set(outcome?.selected.map((p) => p.id) ?? []);
  const columns = [
    'project_id',
    'cost',
    'votes',
    'name',
    'category',
    ...(reported || outcome ? ['selected'] : []),
    'latitude',
    'longitude',
  ];
  const rows = projects.map((p) => [
    p.provenance.upstreamId,
    p.cost ? units(p.cost.amountMinor) : '0',
    p.voteCount !== null ? String(p.voteCount) : '',
    p.title,
    p.tags.map((t) => t.name).join(','),
    ...(reported || outcome ? [chosen.has(p.id) ? '1' : '0'] : []),
    p.location?.point ? String(p.location.point.latitude) : '',
    p.location?.point ? String(p.location.point.longitude) : '',
  ]);
  return {
    meta: meta.filter((m): m is [string, string] => m[1] !== undefined),
    projects: { columns, rows },
    votes: null,
  };
}
