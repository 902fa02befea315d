/**
 * Attributes investments to budgets and reads winners from the public HTML, because GraphQL cannot:
 * `budget(id){investments}` returns the investments of every published budget and `BudgetInvestment`
 * carries no budget id, winner flag or ballot count (docs/upstreams/consul.md §5.1, §8 note 13). The order follows
 * docs/data-model.md §3.7, keeping requests few:
 * 1. finished budgets: the results page (per heading) gives winners, ballot counts and membership of the
 *    selected investments;
 * 2. a single published budget owns every investment;
 * 3. otherwise the investments index of each budget, per filter of its phase, 10 per page, with a fixed
 *    `random_seed` so paging is stable (docs/upstreams/consul.md §5.3); the budget whose index would cost most is
 *    skipped and gets whatever is left, since every public investment belongs to a published budget
 *    (docs/upstreams/consul.md §3.4) — done only when every other index was read completely.
 */
import type { HarvestContext } from '../../adapter';
import type { ConsulSourceConfig } from './sourceSchema';
import { PaginationError, UpstreamHttpError } from '../../errors';
import { pageGuard } from '../../http/HttpClient';
import { fetchHtml } from './fetchHtml';
import { investmentIdsFromIndex, parseResultsPage, type ResultsRow } from './parseBudgetPages';

/** `PER_PAGE` of the investments index (docs/upstreams/consul.md §5.3). */
const PER_PAGE = 10;
/** Any fixed value: the order is random per seed, and the same seed keeps pages stable (docs/upstreams/consul.md §5.3). */
const RANDOM_SEED = '0.4242';

/** `Budget#investments_filters` per phase (docs/upstreams/consul.md §5.2 table); `null` = no filter (the phase lists all). */
const INDEX_FILTERS: Record<string, (string | null)[]> = {
  informing: [null],
  accepting: [null],
  reviewing: [null],
  selecting: [null],
  valuating: ['not_unfeasible', 'unfeasible'],
  publishing_prices: ['selected', 'unselected', 'unfeasible'],
  balloting: ['selected', 'unselected', 'unfeasible'],
  reviewing_ballots: ['selected', 'unselected', 'unfeasible'],
  finished: ['winners', 'unselected', 'unfeasible'],
};

export interface BudgetRef {
  id: string;
  phase: string | null;
}

export interface BudgetPages {
  /** investment id → budget id. */
  budgetOf: Map<string, string>;
  /** budget id → its results rows by investment id, for budgets whose results page had rows. */
  results: Map<string, Map<string, ResultsRow>>;
}

function isMissing(e: unknown): boolean {
  // 404: results not enabled or no such page; 403: process.budgets switched off (docs/upstreams/consul.md §2, §5.3).
  return e instanceof UpstreamHttpError && (e.status === 404 || e.status === 403);
}

async function readResults(
  ctx: HarvestContext<ConsulSourceConfig>,
  budgetId: string,
): Promise<Map<string, ResultsRow> | null> {
  const path = `budgets/${encodeURIComponent(budgetId)}/results`;
  const rows = new Map<string, ResultsRow>();
  let first: ReturnType<typeof parseResultsPage>;
  try {
    first = parseResultsPage(await fetchHtml(ctx, path));
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
  for (const r of first.rows) rows.set(r.id, r);
  // The page shows one heading (the first by default); the others are linked from its menu.
  if (first.headingIds.length > 1) {
    for (const heading of first.headingIds) {
      for (const r of parseResultsPage(await fetchHtml(ctx, path, { heading_id: heading })).rows) rows.set(r.id, r);
    }
  }
  // Without rows the results are not published: CONSUL redirects to the home page (docs/upstreams/consul.md §5.3).
  return rows.size ? rows : null;
}

/** Every investment id listed by one filter of one budget's index; null when the page is not available. */
async function readIndex(
  ctx: HarvestContext<ConsulSourceConfig>,
  budgetId: string,
  filter: string | null,
): Promise<Set<string> | null> {
  const where = `CONSUL /budgets/${budgetId}/investments${filter ? `?filter=${filter}` : ''}`;
  const guard = pageGuard(where, 1000);
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    guard(page);
    let html: string;
    try {
      html = await fetchHtml(ctx, `budgets/${encodeURIComponent(budgetId)}/investments`, {
        ...(filter && { filter }),
        page,
        random_seed: RANDOM_SEED,
      });
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
    const found = investmentIdsFromIndex(html);
    const fresh = found.filter((id) => !ids.has(id));
    if (found.length > 0 && fresh.length === 0)
      throw new PaginationError(`${where} served page ${page} with the same investments as before: the paging loops`);
    for (const id of found) ids.add(id);
    if (found.length < PER_PAGE) return ids;
  }
}

/** Reads the HTML needed to place `investmentIds` in `budgets`; see the file comment for the order. */
export async function readBudgetPages(
  ctx: HarvestContext<ConsulSourceConfig>,
  budgets: BudgetRef[],
  investmentIds: ReadonlySet<string>,
): Promise<BudgetPages> {
  const budgetOf = new Map<string, string>();
  const results = new Map<string, Map<string, ResultsRow>>();
  const place = (id: string, budgetId: string) => {
    if (investmentIds.has(id) && !budgetOf.has(id)) budgetOf.set(id, budgetId);
  };

  for (const b of budgets) {
    if (b.phase !== 'finished') continue;
    const rows = await readResults(ctx, b.id);
    if (!rows) continue;
    results.set(b.id, rows);
    for (const id of rows.keys()) place(id, b.id);
  }
  const unplaced = () => [...investmentIds].filter((id) => !budgetOf.has(id));
  if (budgets.length === 1) {
    for (const id of unplaced()) place(id, budgets[0]!.id);
    return { budgetOf, results };
  }

  // A finished budget's winners are already known from its results rows.
  const filtersOf = (b: BudgetRef) =>
    (INDEX_FILTERS[b.phase ?? ''] ?? [null]).filter((f) => !(f === 'winners' && results.has(b.id)));
  const known = (b: BudgetRef) => b.phase !== null && Object.hasOwn(INDEX_FILTERS, b.phase);
  let skipped: BudgetRef | null = null;
  for (const b of budgets) if (known(b) && (!skipped || filtersOf(b).length >= filtersOf(skipped).length)) skipped = b;

  let complete = true;
  const crawl = async (b: BudgetRef) => {
    if (!known(b)) complete = false; // an unknown phase's default filter may not list everything
    for (const filter of filtersOf(b)) {
      if (unplaced().length === 0) return;
      const ids = await readIndex(ctx, b.id, filter);
      if (!ids) {
        complete = false;
        return;
      }
      for (const id of ids) place(id, b.id);
    }
  };
  for (const b of budgets) if (b !== skipped && unplaced().length) await crawl(b);
  if (skipped && unplaced().length) {
    if (complete) for (const id of unplaced()) place(id, skipped.id);
    else await crawl(skipped);
  }
  return { budgetOf, results };
}
