/**
 * Attributes investments to ballot units (a budget, or one heading of a budget with several) and reads
 * winners from the public HTML, because GraphQL cannot:
 * `budget(id){investments}` returns the investments of every published budget and `BudgetInvestment`
 * carries no budget id, winner flag or ballot count (docs/upstreams/consul.md §5.1, §8 note 13). The order follows
 * docs/data-model.md §3.7, keeping requests few:
 * 1. finished budgets: the results page (per heading, read by readResults) gives winners, ballot counts and
 *    membership of the selected investments;
 * 2. a single unit owns every investment;
 * 3. otherwise the investments index of each unit (with `heading_id` for a heading), per filter of its phase, 10 per page, with a fixed
 *    `random_seed` so paging is stable (docs/upstreams/consul.md §5.3); the unit whose index would cost most is
 *    skipped and gets whatever is left, since every public investment belongs to a published budget
 *    (docs/upstreams/consul.md §3.4) — done only when every other index was read completely.
 */
import type { HarvestContext } from '../../adapter';
import type { ConsulSourceConfig } from './sourceSchema';
import { PaginationError, UpstreamHttpError } from '../../errors';
import { pageGuard } from '../../http/HttpClient';
import { fetchHtml } from './fetchHtml';
import type { Image } from '../../../core/model';
import {
  investmentIdsFromIndex,
  investmentImagesFromIndex,
  parseResultsPage,
  type ResultsRow,
} from './parseBudgetPages';

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

/** One unified Budget's worth of a CONSUL budget: the whole budget, or one of its headings. */
export interface BallotUnit {
  /** The unified budget's upstream id: the CONSUL budget id, or `<budget id>-<heading id>`. */
  key: string;
  budgetId: string;
  /** The heading passed as `heading_id` to the index; null when the unit is the whole budget. */
  headingId: string | null;
  phase: string | null;
  /** The unit's results rows by investment id, when its results page was read and had rows. */
  results: Map<string, ResultsRow> | null;
}

export interface BudgetPages {
  /** investment id → unit key. */
  unitOf: Map<string, string>;
  /** Images the index pages showed, by investment id (src as written). */
  images: Map<string, Image>;
}

export function isMissing(e: unknown): boolean {
  // 404: results not enabled or no such page; 403: process.budgets switched off (docs/upstreams/consul.md §2, §5.3).
  return e instanceof UpstreamHttpError && (e.status === 404 || e.status === 403);
}

/** One heading's results: its name in the menu and its rows by investment id. */
export interface HeadingResults {
  name: string;
  rows: Map<string, ResultsRow>;
}

/**
 * Reads the results page of a finished budget, heading by heading (docs/upstreams/consul.md §5.4 item 7): the
 * first answer's menu names every heading, and each is read with its own `heading_id`, since the page does
 * not reliably say which heading it shows. Null when the results are not published (404, 403, or no rows).
 */
export async function readResults(
  ctx: HarvestContext<ConsulSourceConfig>,
  budgetId: string,
): Promise<Map<string, HeadingResults> | null> {
  const path = `budgets/${encodeURIComponent(budgetId)}/results`;
  let first: ReturnType<typeof parseResultsPage>;
  try {
    first = parseResultsPage(await fetchHtml(ctx, path));
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
  const out = new Map<string, HeadingResults>();
  const toRows = (rows: ResultsRow[]) => new Map(rows.map((r) => [r.id, r]));
  if (first.headings.length <= 1) {
    const only = first.headings[0];
    out.set(only?.id ?? '', { name: only?.name ?? '', rows: toRows(first.rows) });
  } else {
    for (const h of first.headings) {
      out.set(h.id, {
        name: h.name,
        rows: toRows(parseResultsPage(await fetchHtml(ctx, path, { heading_id: h.id })).rows),
      });
    }
  }
  // Without rows the results are not published: CONSUL redirects to the home page (docs/upstreams/consul.md §5.3).
  return [...out.values()].some((h) => h.rows.size) ? out : null;
}

/** Every investment id listed by one filter of one budget's index; null when the page is not available. */
async function readIndex(
  ctx: HarvestContext<ConsulSourceConfig>,
  unit: BallotUnit,
  filter: string | null,
  images: Map<string, Image>,
): Promise<Set<string> | null> {
  const { budgetId, headingId } = unit;
  const where = `CONSUL /budgets/${budgetId}/investments?${new URLSearchParams({ ...(headingId && { heading_id: headingId }), ...(filter && { filter }) })}`;
  const guard = pageGuard(where, 1000);
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    guard(page);
    let html: string;
    try {
      html = await fetchHtml(ctx, `budgets/${encodeURIComponent(budgetId)}/investments`, {
        ...(headingId && { heading_id: headingId }),
        ...(filter && { filter }),
        page,
        random_seed: RANDOM_SEED,
      });
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
    const found = investmentIdsFromIndex(html);
    for (const [id, image] of investmentImagesFromIndex(html)) if (!images.has(id)) images.set(id, image);
    const fresh = found.filter((id) => !ids.has(id));
    if (found.length > 0 && fresh.length === 0)
      throw new PaginationError(`${where} served page ${page} with the same investments as before: the paging loops`);
    for (const id of found) ids.add(id);
    if (found.length < PER_PAGE) return ids;
  }
}

/** Reads the HTML needed to place `investmentIds` in `units`; see the file comment for the order. */
export async function readBudgetPages(
  ctx: HarvestContext<ConsulSourceConfig>,
  units: BallotUnit[],
  investmentIds: ReadonlySet<string>,
): Promise<BudgetPages> {
  const unitOf = new Map<string, string>();
  const images = new Map<string, Image>();
  const place = (id: string, key: string) => {
    if (investmentIds.has(id) && !unitOf.has(id)) unitOf.set(id, key);
  };

  for (const u of units) for (const id of u.results?.keys() ?? []) place(id, u.key);
  const unplaced = () => [...investmentIds].filter((id) => !unitOf.has(id));
  if (units.length === 1) {
    for (const id of unplaced()) place(id, units[0]!.key);
    return { unitOf, images };
  }

  // A finished unit's winners are already known from its results rows.
  const filtersOf = (u: BallotUnit) =>
    (INDEX_FILTERS[u.phase ?? ''] ?? [null]).filter((f) => !(f === 'winners' && u.results));
  const known = (u: BallotUnit) => u.phase !== null && Object.hasOwn(INDEX_FILTERS, u.phase);
  let skipped: BallotUnit | null = null;
  for (const u of units) if (known(u) && (!skipped || filtersOf(u).length >= filtersOf(skipped).length)) skipped = u;

  let complete = true;
  const crawl = async (u: BallotUnit) => {
    if (!known(u)) complete = false; // an unknown phase's default filter may not list everything
    for (const filter of filtersOf(u)) {
      if (unplaced().length === 0) return;
      const ids = await readIndex(ctx, u, filter, images);
      if (!ids) {
        complete = false;
        return;
      }
      for (const id of ids) place(id, u.key);
    }
  };
  for (const u of units) if (u !== skipped && unplaced().length) await crawl(u);
  if (skipped && unplaced().length) {
    if (complete) for (const id of unplaced()) place(id, skipped.key);
    else await crawl(skipped);
  }
  return { unitOf, images };
}
