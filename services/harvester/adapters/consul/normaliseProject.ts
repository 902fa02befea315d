import { makeId } from '../../../core/ids';
import type { BudgetProject } from '../../../core/model';
import { fromWholeUnits } from '../../../core/money';
import { formattedText } from '../../text';
import { plainText } from '../../text';
import { PUBLISHED_PRICES_PHASES } from './budgetPhase';
import { baseUrlOf, type NormaliseContext } from './normaliseProposal';
import type { ConsulInvestmentNode } from './upstreamSchemas';

/** What the HTML pages told about one investment (docs/upstreams/consul.md §5.3). */
export interface InvestmentPlacement {
  budgetUpstreamId: string;
  /** The budget's raw phase. */
  budgetPhase: string | null;
  /** Rank of the id, ascending, within the budget (data-model §3.3: the API has no order). */
  position: number;
  /**
   * From the results page: a row → `{ winner, ballots }`; `'absent'` when the page was read and the
   * investment is not on it (not on the ballot, so it did not win); null when no results are known.
   */
  result: { winner: boolean; ballots: number | null } | 'absent' | null;
}

/**
 * Normalises one CONSUL budget investment into a BudgetProject (docs/data-model.md §3.3). `cost` is null
 * before `publishing_prices`, because the API returns prices the site does not show yet (docs/upstreams/consul.md §5.1,
 * §8 note 14); `selected` is CONSUL's `winner` (results page row with class `success`), `voteCount` its
 * `ballot_lines_count`; both null when the results page was not available. Throws a RangeError for a
 * price that is not a whole amount; the caller reports the record.
 */
export function normaliseProject(
  node: ConsulInvestmentNode,
  placement: InvestmentPlacement,
  ctx: NormaliseContext,
): BudgetProject {
  const { source } = ctx;
  const pricesShown = placement.budgetPhase !== null && PUBLISHED_PRICES_PHASES.has(placement.budgetPhase);
  const location = plainText(node.location);
  const { result } = placement;
  return {
    id: makeId(source.id, 'project', node.id),
    budgetId: makeId(source.id, 'budget', placement.budgetUpstreamId),
    municipalityCode: source.municipality,
    position: placement.position,
    title: plainText(node.title),
    description: formattedText(node.description),
    cost: node.price !== null && pricesShown ? fromWholeUnits(node.price, source.currency) : null,
    voteCount: result !== null && result !== 'absent' ? result.ballots : null,
    selected: result === null ? null : result !== 'absent' && result.winner,
    platformStatus: node.feasibility ? { code: node.feasibility, label: null } : null,
    tags: [], // investment tags are never exposed (docs/upstreams/consul.md §3.4)
    location: location ? { point: null, address: location } : null,
    images: [],
    proposalId: null,
    url: `${baseUrlOf(source)}/budgets/${placement.budgetUpstreamId}/investments/${node.id}`,
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
