import { makeId } from '../../../core/ids';
import type { BudgetProject, Image } from '../../../core/model';
import { fromWholeUnits } from '../../../core/money';
import { formattedText } from '../../text';
import { plainText } from '../../text';
import { PUBLISHED_PRICES_PHASES } from './budgetPhase';
import { baseUrlOf, type NormaliseContext } from './normaliseProposal';
import type { ConsulInvestmentNode } from './upstreamSchemas';

/** What the HTML pages told about one investment (docs/upstreams/consul.md §5.3). */
export interface InvestmentPlacement {
  /** The CONSUL budget id (for the URL). */
  budgetUpstreamId: string;
  /** The unified budget's upstream id: the budget, or `<budget>-<heading>` (docs/data-model.md §3.2). */
  unitKey: string;
  /** False when the budget page hides money (`hide_money`): no price is public then. */
  moneyShown: boolean;
  /** ISO 4217 currency of the budget (from its page's currency symbol, else the source's). */
  currency: string;
  /** The image the index showed for the investment, URL made absolute on the installation's host; null if none. */
  image: Image | null;
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
 * before `publishing_prices` and with `hide_money` (§5.4 item 5), because the API returns prices the site does not show (docs/upstreams/consul.md §5.1,
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
  const pricesShown =
    placement.moneyShown && placement.budgetPhase !== null && PUBLISHED_PRICES_PHASES.has(placement.budgetPhase);
  const location = plainText(node.location);
  const { result } = placement;
  return {
    id: makeId(source.id, 'project', node.id),
    budgetId: makeId(source.id, 'budget', placement.unitKey),
    municipalityCode: source.municipality,
    position: placement.position,
    title: plainText(node.title),
    description: formattedText(node.description),
    cost: node.price !== null && pricesShown ? fromWholeUnits(node.price, placement.currency) : null,
    voteCount: result !== null && result !== 'absent' ? result.ballots : null,
    selected: result === null ? null : result !== 'absent' && result.winner,
    platformStatus: node.feasibility ? { code: node.feasibility, label: null } : null,
    tags: [], // investment tags are never exposed (docs/upstreams/consul.md §3.4)
    location: location ? { point: null, address: location } : null,
    images: placement.image ? [placement.image] : [],
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
