/**
 * Reads a CONSUL budget's own page, `/budgets/<id>` (docs/upstreams/consul.md §5.4): its headings with their
 * amounts and currency symbol, and its phases with their dates. Parsed with cheerio (a maintained HTML parser
 * with CSS selectors) and only by the structure the reference describes, never by the site's texts, which
 * an installation translates and renames.
 */
import { load } from 'cheerio';
import { UpstreamSchemaError } from '../../errors';

export interface PageHeading {
  /** The `Budget::Group` name, when the page lists groups (several headings). */
  group: string | null;
  name: string;
  /** The heading id from its investments link; null where the page does not link it (§5.4). */
  id: string | null;
  /** Whole units; null when the page shows no amount (`hide_money`). */
  amount: number | null;
  /** The unit written with the amount, e.g. `€`; null with the amount. */
  currencySymbol: string | null;
}

export interface PagePhase {
  name: string;
  /** The phase the budget is in (the active panel). */
  current: boolean;
  /** First day, `YYYY-MM-DD`, or null when the page shows none. */
  firstDay: string | null;
  /** Last day shown (CONSUL shows the day before `ends_at`), `YYYY-MM-DD`, or null. */
  lastDay: string | null;
}

export interface BudgetPage {
  headings: PageHeading[];
  /** Enabled phases, in CONSUL's kind order. */
  phases: PagePhase[];
}

/**
 * Parses a formatted amount such as `€ 100.000`, `100.000 €` or `$100,000` (`number_to_currency` with
 * precision 0, so every separator is a thousands delimiter). Null for text without digits.
 */
export function parseAmount(text: string): { amount: number; currencySymbol: string | null } | null {
  const m = /^([^\d-]*?)\s*(-?\d[\d.,\s\u00a0\u202f']*)\s*([^\d]*)$/.exec(text.trim());
  if (!m) return null;
  const amount = Number(m[2]!.replace(/\D/g, ''));
  if (!Number.isSafeInteger(amount)) return null;
  const unit = (m[1]! || m[3]!).trim();
  return { amount: m[2]!.startsWith('-') ? -amount : amount, currencySymbol: unit || null };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses the budget page. Throws UpstreamSchemaError naming `where` when the page is not a CONSUL budget page
 * (no budget header, or neither a single heading nor a groups list), so the source's status says the
 * installation answered something the adapter cannot read, and nothing stored is touched.
 */
export function parseBudgetPage(html: string, where: string): BudgetPage {
  const $ = load(html);
  const info = $('#budget_info');
  if ($('.budget-header h1').length === 0 || info.length === 0)
    throw new UpstreamSchemaError(`${where} is not a CONSUL budget page: no budget header or #budget_info`);

  const headings: PageHeading[] = [];
  const withAmount = (group: string | null, name: string, id: string | null, priceText: string): PageHeading => {
    const parsed = parseAmount(priceText);
    return {
      group,
      name,
      id,
      amount: parsed?.amount ?? null,
      currencySymbol: parsed?.currencySymbol ?? null,
    };
  };
  const single = info.find('.single-heading').first();
  if (single.length) {
    headings.push(withAmount(null, single.find('h2').first().text().trim(), null, single.find('p').first().text()));
  } else {
    const groups = info.find('#groups_and_headings');
    if (groups.length === 0)
      throw new UpstreamSchemaError(`${where} lists no headings: neither .single-heading nor #groups_and_headings`);
    let group: string | null = null;
    groups.children().each((_, el) => {
      const node = $(el);
      if (node.is('h2')) group = node.text().trim();
      if (!node.is('ul.headings-list')) return;
      node.children('li.heading').each((_, li) => {
        const item = $(li);
        const link = item.children('a').first();
        const href = link.attr('href') ?? '';
        const id = /[?&]heading_id=([^&#]+)/.exec(href)?.[1] ?? null;
        const name = (link.length ? link.text() : item.clone().children('span').remove().end().text()).trim();
        headings.push(withAmount(group, name, id && decodeURIComponent(id), item.children('span').first().text()));
      });
    });
  }
  if (headings.some((h) => h.name === '')) throw new UpstreamSchemaError(`${where} lists a heading without a name`);

  const phases: PagePhase[] = [];
  $('section.budget-phases .tabs-panel').each((_, el) => {
    const panel = $(el);
    // `<p>start - end</p>`, either side possibly empty: split at the dash, then read each side's <time>.
    const dates = (panel.find('.budget-phase-content > p').first().html() ?? '').split(/\s-\s/);
    const day = (part: string | undefined) => {
      const d = part === undefined ? undefined : load(part)('time').attr('datetime')?.slice(0, 10);
      return d && DATE.test(d) ? d : null;
    };
    const [first, last] = dates.length === 2 ? [day(dates[0]), day(dates[1])] : [null, null];
    phases.push({
      name: panel.find('.budget-phase-content h3').first().text().trim(),
      current: panel.hasClass('is-active'),
      firstDay: first,
      lastDay: last,
    });
  });
  return { headings, phases };
}
