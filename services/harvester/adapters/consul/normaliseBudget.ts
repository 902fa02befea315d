import { makeId } from '../../../core/ids';
import type { Budget, VotingRule } from '../../../core/model';
import { fromWholeUnits } from '../../../core/money';
import { plainText } from '../../text';
import { dayInstant } from '../../../core/days';
import { consulBudgetPhase } from './budgetPhase';
import type { BudgetUnit } from './budgetUnits';
import { baseUrlOf, type NormaliseContext } from './normaliseProposal';
import type { BudgetPage } from './parseBudgetPage';
import type { ConsulSourceConfig } from './sourceSchema';

/** `Budget::CURRENCY_SYMBOLS` → ISO 4217 (docs/upstreams/consul.md §5.2, §5.4 item 4). */
const CURRENCIES: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY' };

/** The ISO currency of a budget: its page's symbol when the page shows a known one, else the source's `currency`. */
export function currencyOf(page: BudgetPage | null, fallback: string): string {
  const symbol = page?.headings.find((h) => h.currencySymbol)?.currencySymbol;
  return (symbol && CURRENCIES[symbol]) || fallback;
}

/** Whether the budget page hides money: it lists headings and shows none of their amounts (§5.4 item 5). */
export function moneyHidden(page: BudgetPage | null): boolean {
  return !!page && page.headings.length > 0 && page.headings.every((h) => h.amount === null);
}

/**
 * The balloting phase's days on the budget page (docs/upstreams/consul.md §5.4 item 6): the page shows enabled
 * phases in kind order and marks only the current one, so balloting is known when all nine are shown (the
 * seventh) or when it is the current phase; otherwise null, never guessed from names.
 */
function votingPeriod(unit: BudgetUnit, timeZone: string): Budget['votingPeriod'] {
  const phases = unit.page?.phases ?? [];
  const balloting =
    phases.length === 9 ? phases[6] : unit.node.phase === 'balloting' ? phases.find((p) => p.current) : undefined;
  if (!balloting || (!balloting.firstDay && !balloting.lastDay)) return null;
  return {
    start: dayInstant(balloting.firstDay, 'start', timeZone),
    end: dayInstant(balloting.lastDay, 'end', timeZone),
  };
}

function votingRule(
  unit: BudgetUnit,
  total: Budget['total'],
  setting: ConsulSourceConfig['budgets'][string] | undefined,
): VotingRule {
  const none = { minTotal: null, maxTotal: null, minProjects: null, maxProjects: null, themes: [] };
  if (setting?.votingStyle === 'knapsack') return { ...none, kind: 'APPROVAL_WITHIN_BUDGET', maxTotal: total };
  if (setting?.votingStyle === 'approval')
    return { ...none, kind: 'CHOOSE_K', maxProjects: unit.heading ? (setting.maxBallotLines ?? null) : null };
  return { ...none, kind: 'UNKNOWN' };
}

/**
 * Normalises one ballot unit of a CONSUL budget (docs/data-model.md §3.2): a heading of a budget with several,
 * or a whole budget. GraphQL gives id, name and phase (docs/upstreams/consul.md §5.1); the budget page gives
 * the heading's amount, the currency symbol and the balloting days (§5.4). `total` is null when the page
 * hides money or was not read, or when the unit is a whole budget of several headings; the voting rule
 * comes from the source's `budgets` setting, since no page shows it (§5.4 item 8).
 */
export function normaliseBudget(unit: BudgetUnit, ctx: NormaliseContext): Budget {
  const { source } = ctx;
  const { node, heading } = unit;
  const currency = currencyOf(unit.page, source.currency);
  const total =
    heading && heading.amount !== null && heading.amount >= 0 ? fromWholeUnits(heading.amount, currency) : null;
  const name = plainText(node.name);
  return {
    id: makeId(source.id, 'budget', unit.key),
    municipalityCode: source.municipality,
    title: unit.headingId && heading ? `${name} – ${plainText(heading.name)}` : name,
    description: { html: '', text: '' },
    locale: source.locales[0] ?? 'nl',
    total,
    phase: consulBudgetPhase(node.phase),
    platformPhase: node.phase,
    votingPeriod: votingPeriod(unit, source.timeZone),
    votingRule: votingRule(unit, total, source.budgets[node.id]),
    voterCount: null,
    // CONSUL's own code decides the winners greedily per heading (docs/data-model.md §6.2): the rule of this
    // Budget when it is one heading, not of a whole budget whose headings could not be told apart.
    // With hide_money every compatible selected investment wins, which is no Pabulib rule (§5.2 "Winners").
    outcomeRule:
      (unit.headingCount > 1 && !unit.headingId) || moneyHidden(unit.page)
        ? null
        : { rule: 'greedy', threshold: null, statedBy: 'PLATFORM' },
    ballots: null,
    url: `${baseUrlOf(source)}/budgets/${node.id}${unit.headingId ? `/investments?heading_id=${encodeURIComponent(unit.headingId)}` : ''}`,
    createdAt: null,
    provenance: {
      sourceId: source.id,
      platform: 'CONSUL',
      upstreamId: unit.key,
      upstreamReference: null,
      harvestedAt: ctx.harvestedAt,
    },
    removedAt: null,
  };
}
