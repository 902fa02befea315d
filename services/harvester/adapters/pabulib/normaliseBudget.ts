/**
 * One `.pb` file → a Budget (docs/data-model.md §7, docs/upstreams/pabulib.md §2): a past election, so
 * FINISHED; the total, currency, dates and ballot from META; `rule` as the rule the platform states.
 */
import { dayInstant } from '../../../core/days';
import { makeId } from '../../../core/ids';
import { type Budget, PABULIB_RULES, type PabulibRule } from '../../../core/model';
import { plainText } from '../../text';
import type { SourceConfigBase } from '../../sourceFields';
import type { Election } from './readElection';
import { votingRule } from './votingRule';

export interface NormaliseEnv {
  source: SourceConfigBase;
  harvestedAt: string;
  /** The zone the file's days are meant in (the source's `timeZone`). */
  timeZone: string;
}

/**
 * A year (`2020`) is the whole year; a day (`31.03.2024`) is that day; both from their first to their last
 * instant in `timeZone`, the election's own zone (docs/data-model.md §7).
 */
export function dayBounds(value: string | undefined, edge: 'start' | 'end', timeZone: string): string | null {
  if (!value) return null;
  const iso =
    value.length === 4 ? `${value}-${edge === 'start' ? '01-01' : '12-31'}` : value.split('.').reverse().join('-');
  return dayInstant(iso, edge, timeZone);
}

/** The file's name without `.pb`: the budget's upstream id. */
export const budgetKey = (file: string) => file.replace(/\.pb$/, '');

/**
 * @param file the file's name in the source's directory.
 * @param url where the file was read, for an http(s) source; null for a local directory (not published).
 */
export function normaliseBudget(
  election: Election,
  env: NormaliseEnv,
  { file, url }: { file: string; url: string | null },
): Budget {
  const { meta } = election;
  const currency = meta.currency ?? env.source.currency;
  const start = dayBounds(meta.date_begin, 'start', env.timeZone);
  const end = dayBounds(meta.date_end, 'end', env.timeZone);
  const rule = PABULIB_RULES.includes(meta.rule as PabulibRule) ? (meta.rule as PabulibRule) : null;
  const key = budgetKey(file);
  const place = [meta.unit, meta.district, meta.subunit, meta.instance].filter(Boolean).join(' ');
  return {
    id: makeId(env.source.id, 'budget', key),
    municipalityCode: env.source.municipality,
    title: plainText(meta.description) || place || key,
    description: { html: '', text: '' },
    locale: meta.language ?? 'und',
    total: meta.budget !== undefined ? { amountMinor: meta.budget, currency } : null,
    phase: 'FINISHED',
    platformPhase: null,
    votingPeriod: start || end ? { start, end } : null,
    votingRule: votingRule(meta, currency),
    voterCount: meta.num_votes ?? election.votes?.length ?? null,
    // `unknown` (or a rule the format does not name) states nothing; a sources-file declaration may then apply.
    outcomeRule: rule ? { rule, threshold: meta.min_project_score_threshold ?? null, statedBy: 'PLATFORM' } : null,
    ballots: null, // set by the harvest from VOTES
    url,
    createdAt: null,
    provenance: {
      sourceId: env.source.id,
      platform: 'PABULIB',
      upstreamId: key,
      upstreamReference: null,
      harvestedAt: env.harvestedAt,
    },
    removedAt: null,
  };
}
