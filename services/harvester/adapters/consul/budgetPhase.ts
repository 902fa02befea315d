import type { BudgetPhase } from '../../../core/model';

/** docs/data-model.md §3.5: CONSUL's nine phases (docs/upstreams/consul.md §5.2) → BudgetPhase. */
const PHASES: Record<string, BudgetPhase> = {
  informing: 'INFORMING',
  accepting: 'COLLECTING',
  reviewing: 'REVIEWING',
  // selecting is a pre-selection by supports; the binding vote is balloting.
  selecting: 'REVIEWING',
  valuating: 'REVIEWING',
  publishing_prices: 'REVIEWING',
  balloting: 'VOTING',
  reviewing_ballots: 'COUNTING',
  finished: 'FINISHED',
};

/** `Budget::Phase::PUBLISHED_PRICES_PHASES` (docs/upstreams/consul.md §5.2): the phases in which the site shows prices. */
export const PUBLISHED_PRICES_PHASES: ReadonlySet<string> = new Set([
  'publishing_prices',
  'balloting',
  'reviewing_ballots',
  'finished',
]);

/** Maps a raw CONSUL phase; anything unknown (or null) is UNKNOWN. */
export function consulBudgetPhase(phase: string | null): BudgetPhase {
  return (phase !== null && Object.hasOwn(PHASES, phase) ? PHASES[phase] : undefined) ?? 'UNKNOWN';
}
