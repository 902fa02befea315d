/** A headless project that runs a ballot → Budget (docs/data-model.md §5.3, §5.6; docs/upstreams/openstad.md §2.7, §4). */
import { makeId } from '../../../core/ids';
import { fromWholeUnits } from '../../../core/money';
import type { Budget, BudgetPhase } from '../../../core/model';
import { ballotType, mapVotingRule } from './mapVotingRule';
import { iso, LOCALE, projectUrl, provenance, type NormaliseEnv } from './normaliseCommon';
import { plainText } from '../../text';
import type { HeadlessProject } from './upstreamSchemas';

function validDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * The phase (data-model §5.6): `projectHasEnded` → FINISHED; `isActive` → VOTING; not active with
 * `endDate` past → FINISHED when counts are public, else COUNTING; otherwise UNKNOWN (before voting,
 * collecting and reviewing cannot be told apart). `isActiveFrom/To` are inert in H (§7 note 7).
 * `platformPhase` records the inputs, e.g. `isActive=false;isViewable=true;projectHasEnded=true`.
 */
export function mapBudgetPhase(
  project: HeadlessProject,
  now: string,
): { phase: BudgetPhase; platformPhase: string | null } {
  const votes = project.safeConfig?.votes;
  if (!votes) return { phase: 'UNKNOWN', platformPhase: null };
  const ended = project.safeConfig?.project?.projectHasEnded === true;
  const active = votes.isActive === true;
  const viewable = votes.isViewable === true;
  const platformPhase = `isActive=${active};isViewable=${viewable};projectHasEnded=${ended}`;
  const end = validDate(project.safeConfig?.project?.endDate);
  let phase: BudgetPhase = 'UNKNOWN';
  if (ended) phase = 'FINISHED';
  else if (active) phase = 'VOTING';
  else if (end && end < now) phase = viewable ? 'FINISHED' : 'COUNTING';
  return { phase, platformPhase };
}

/**
 * Normalises a project whose `voteType` is a ballot. `total` is `maxBudget` for `budgeting` only: for
 * per-tag ballots the limit applies per group and for count ballots it is not money (data-model §5.3).
 * `themes` are the group names for per-tag ballots; `voterCount` comes from `/stats/…/vote/no-of-users`.
 */
export function normaliseBudget(
  project: HeadlessProject,
  env: NormaliseEnv,
  extra: { voterCount: number | null; themes: string[] },
): Budget {
  const votes = project.safeConfig?.votes;
  const type = ballotType(votes?.voteType);
  const end = validDate(project.safeConfig?.project?.endDate);
  return {
    id: makeId(env.source.id, 'budget', project.id),
    municipalityCode: env.source.municipality,
    title: plainText(project.title || project.name || ''),
    // Projects have no description (data-model §5.3).
    description: { html: '', text: '' },
    locale: LOCALE,
    total:
      type === 'budgeting' && votes?.maxBudget != null ? fromWholeUnits(votes.maxBudget, env.source.currency) : null,
    ...mapBudgetPhase(project, env.harvestedAt),
    votingPeriod: end ? { start: null, end } : null,
    votingRule: mapVotingRule(votes, env.source.currency, extra.themes),
    voterCount: extra.voterCount,
    outcomeRule: null, // OpenStad computes no winners (docs/data-model.md, "Outcome rules"); a source may declare the rule
    ballots: null, // set by the harvest when the vote list is public
    url: projectUrl(project.url),
    createdAt: iso(project.createdAt),
    provenance: provenance(env, project.id),
    removedAt: null,
  };
}
