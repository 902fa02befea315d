/**
 * Splits a CONSUL budget into the unified Budgets it becomes (docs/data-model.md §3.2): one per heading, as
 * Pabulib records each district as its own election, since CONSUL runs one ballot and one greedy count per
 * heading (docs/upstreams/consul.md §5.2). A budget with one heading stays one Budget under its own id.
 */
import type { BudgetPage, PageHeading } from './parseBudgetPage';
import type { BallotUnit, HeadingResults } from './readBudgetPages';
import type { ResultsRow } from './parseBudgetPages';
import type { ConsulBudgetNode } from './upstreamSchemas';

export interface BudgetUnit extends BallotUnit {
  node: ConsulBudgetNode;
  /** The budget page, or null when it could not be read (404/403). */
  page: BudgetPage | null;
  /** The heading this unit is; null when the unit is a whole budget whose headings could not be told apart. */
  heading: PageHeading | null;
  /** How many headings the budget page lists (0 when it was not read). */
  headingCount: number;
}

function allRows(results: Map<string, HeadingResults> | null): Map<string, ResultsRow> | null {
  if (!results) return null;
  const rows = new Map<string, ResultsRow>();
  for (const h of results.values()) for (const [id, r] of h.rows) rows.set(id, r);
  return rows.size ? rows : null;
}

/**
 * The units of one budget. A heading's id comes from its link on the budget page, or else from the results
 * menu by the heading's name (names are unique within a budget, `budget/heading.rb`). When a budget has
 * several headings and any id stays unknown (an `informing` budget, or a finished one without published
 * results, docs/upstreams/consul.md §5.4 item 3), the budget stays whole: one Budget without a total.
 */
export function budgetUnits(
  node: ConsulBudgetNode,
  page: BudgetPage | null,
  results: Map<string, HeadingResults> | null,
): BudgetUnit[] {
  const headings = page?.headings ?? [];
  const whole = (heading: PageHeading | null): BudgetUnit[] => [
    {
      key: node.id,
      budgetId: node.id,
      headingId: null,
      phase: node.phase,
      results: allRows(results),
      node,
      page,
      heading,
      headingCount: headings.length,
    },
  ];
  if (headings.length <= 1) return whole(headings[0] ?? null);
  const byName = new Map([...(results ?? [])].map(([id, h]) => [h.name, id]));
  const ids = headings.map((h) => h.id ?? byName.get(h.name) ?? null);
  if (ids.some((id) => id === null) || new Set(ids).size !== ids.length) return whole(null);
  return headings.map((heading, i) => {
    const headingId = ids[i]!;
    // The results menu may name headings by slug where the budget page links their ids: match by name too.
    const rows = (results?.get(headingId) ?? [...(results?.values() ?? [])].find((h) => h.name === heading.name))?.rows;
    return {
      key: `${node.id}-${headingId}`,
      budgetId: node.id,
      headingId,
      phase: node.phase,
      results: rows?.size ? rows : null,
      node,
      page,
      heading,
      headingCount: headings.length,
    };
  });
}
