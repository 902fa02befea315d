/**
 * Parsers for CONSUL's investments index and results page (docs/upstreams/consul.md §5.3, §5.4), with cheerio.
 * They look only for the markers the reference names: links `/budgets/<id or slug>/investments/<id>` and
 * investment images on the index; on the results page rows `id="budget_investment_<id>"` with class
 * `success` for winners, the ballot count cell, and the heading menu.
 */
import { load } from 'cheerio';
import type { Image } from '../../../core/model';

const INVESTMENT_LINK = /^(?:https?:\/\/[^/]+)?\/budgets\/[^/?#]+\/investments\/(\d+)(?:[?#]|$)/;
/** What newer versions show for an investment without an image (docs/upstreams/consul.md §5.4 item 9). */
const PLACEHOLDER = /budget_investment_no_image/;

/** Investment ids linked from an investments index page, in page order, without repeats. */
export function investmentIdsFromIndex(html: string): string[] {
  const $ = load(html);
  const ids = new Set<string>();
  $('a[href]').each((_, a) => {
    const id = INVESTMENT_LINK.exec($(a).attr('href') ?? '')?.[1];
    if (id) ids.add(id);
  });
  return [...ids];
}

/**
 * The image each investment card of an index page shows, by investment id: the `img` inside the card
 * `#budget_investment_<id>`, its `src` as written (the caller makes it absolute) and its alt text; the
 * no-image placeholder is not an image of the investment.
 */
export function investmentImagesFromIndex(html: string): Map<string, Image> {
  const $ = load(html);
  const images = new Map<string, Image>();
  $('[id^="budget_investment_"]').each((_, el) => {
    const id = /^budget_investment_(\d+)$/.exec($(el).attr('id') ?? '')?.[1];
    const img = $(el).find('img[src]').first();
    const src = img.attr('src')?.trim();
    if (!id || !src || PLACEHOLDER.test(src) || images.has(id)) return;
    images.set(id, { url: src, alt: img.attr('alt')?.trim() || null });
  });
  return images;
}

export interface ResultsRow {
  id: string;
  winner: boolean;
  /** `ballot_lines_count`; null when the cell is not found. */
  ballots: number | null;
}

/** The rows of a results page and the headings (id or slug, and name) its menu links to. */
export function parseResultsPage(html: string): { rows: ResultsRow[]; headings: { id: string; name: string }[] } {
  const $ = load(html);
  const rows: ResultsRow[] = [];
  $('tr[id^="budget_investment_"]').each((_, tr) => {
    const id = /^budget_investment_(\d+)$/.exec($(tr).attr('id') ?? '')?.[1];
    if (!id) return;
    // The ballot count is the first centred numeric cell (_results_table.html.erb).
    const cell = $(tr)
      .children('td.text-center')
      .map((_, td) => $(td).text().trim())
      .get()
      .find((t) => /^\d+$/.test(t));
    rows.push({ id, winner: $(tr).hasClass('success'), ballots: cell === undefined ? null : Number(cell) });
  });
  const headings = new Map<string, string>();
  $('a[href*="/results?"]').each((_, a) => {
    const param = /[?&]heading_id=([^&#]+)/.exec($(a).attr('href') ?? '')?.[1];
    if (param && !headings.has(param)) headings.set(decodeURIComponent(param), $(a).text().trim());
  });
  return { rows, headings: [...headings].map(([id, name]) => ({ id, name })) };
}
