import type { ConsulBudget, ConsulInvestment } from './seedTypes';

/**
 * Marks the winners of a finished budget as CONSUL's `Budget::Result` does (docs/upstreams/consul.md §5.2 "Winners"):
 * per heading, the selected investments sorted by `ballotLinesCount` descending; each compatible one wins
 * if its price still fits in what is left of the heading's amount (greedy: a too-expensive one is
 * skipped and cheaper ones after it can still win). With `hideMoney` every compatible selected one wins.
 * Returns new investment objects; investments of other budgets are returned unchanged.
 */
export function calculateWinners(budget: ConsulBudget, investments: ConsulInvestment[]): ConsulInvestment[] {
  const winners = new Set<number>();
  for (const heading of budget.headings) {
    const candidates = investments
      .filter((i) => i.budgetId === budget.id && i.headingId === heading.id && i.selected && !i.hidden)
      .sort((a, b) => b.ballotLinesCount - a.ballotLinesCount);
    let left = heading.price;
    for (const inv of candidates) {
      if (inv.incompatible) continue;
      if (budget.hideMoney) {
        winners.add(inv.id);
        continue;
      }
      const price = Number(inv.price ?? 0);
      if (price <= left) {
        winners.add(inv.id);
        left -= price;
      }
    }
  }
  return investments.map((i) => (i.budgetId === budget.id ? { ...i, winner: winners.has(i.id) } : i));
}
