/**
 * The public HTML budget pages an adapter needs to attribute investments and read winners, since
 * GraphQL cannot (docs/upstreams/consul.md §5.1, §5.3, §8 note 13): the investments index, an investment page and the
 * results page. Only the markup the reference describes is faithful (links, row ids, the `success` class);
 * the rest is a plain stand-in for CONSUL's views.
 */
import type { SimResponse } from '../simServer';
import { esc, notFoundPage, redirectHome } from './railsPages';
import type { ConsulBudget, ConsulBudgetPhase, ConsulInvestment, ConsulSeed } from './seedTypes';

const html = { 'content-type': 'text/html; charset=utf-8' };
/** `Budgets::InvestmentsController::PER_PAGE` (docs/upstreams/consul.md §5.3). */
const PER_PAGE = 10;

type Filter = 'all' | 'not_unfeasible' | 'unfeasible' | 'selected' | 'unselected' | 'winners';

/** `Budget#investments_filters` per phase, default first (docs/upstreams/consul.md §5.2 table). */
const FILTERS: Record<ConsulBudgetPhase, Filter[]> = {
  informing: ['all'],
  accepting: ['all'],
  reviewing: ['all'],
  selecting: ['all'],
  valuating: ['not_unfeasible', 'unfeasible'],
  publishing_prices: ['selected', 'unselected', 'unfeasible'],
  balloting: ['selected', 'unselected', 'unfeasible'],
  reviewing_ballots: ['selected', 'unselected', 'unfeasible'],
  finished: ['winners', 'unselected', 'unfeasible'],
};

/** The scopes of `app/models/budget/investment.rb` (docs/upstreams/consul.md §5.2 "Derived sets"). */
const MATCHES: Record<Filter, (i: ConsulInvestment) => boolean> = {
  all: () => true,
  not_unfeasible: (i) => i.feasibility !== 'unfeasible',
  unfeasible: (i) => i.feasibility === 'unfeasible',
  selected: (i) => i.feasibility === 'feasible' && i.selected,
  unselected: (i) => i.feasibility !== 'unfeasible' && !i.selected,
  winners: (i) => i.feasibility === 'feasible' && i.selected && !i.incompatible && i.winner,
};

/** A published budget by id or slug (URLs accept both, docs/upstreams/consul.md §5.2). */
export function findBudget(seed: ConsulSeed, idOrSlug: string): ConsulBudget | undefined {
  return seed.budgets.find((b) => b.published && (String(b.id) === idOrSlug || b.slug === idOrSlug));
}

/** A deterministic shuffle by `random_seed` (docs/upstreams/consul.md §5.3: random order, seeded by the param or session). */
function shuffle<T>(items: T[], seed: string): T[] {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    const j = (h >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function layout(title: string, body: string): SimResponse {
  return {
    status: 200,
    headers: html,
    text: `<!DOCTYPE html>\n<html lang="nl">\n<head><title>${esc(title)}</title></head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`,
  };
}

/**
 * `/budgets/:id/investments?filter=&page=&random_seed=`: 10 per page in random order; an unknown filter
 * falls back to the phase's default; without `random_seed` a new order is drawn on every request, as
 * without a session. `loop` (the paginationLoop fault) serves page 1 whatever `page` says.
 */
export function investmentsIndex(
  seed: ConsulSeed,
  budget: ConsulBudget,
  query: URLSearchParams,
  loop: boolean,
): SimResponse {
  const filters = FILTERS[budget.phase];
  const asked = query.get('filter') as Filter | null;
  const filter = asked && filters.includes(asked) ? asked : filters[0]!;
  const page = loop ? 1 : Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const randomSeed = query.get('random_seed') ?? String(Math.random());
  const heading = query.get('heading_id');
  const matching = seed.investments.filter(
    (i) => i.budgetId === budget.id && !i.hidden && MATCHES[filter](i) && (!heading || String(i.headingId) === heading),
  );
  const rows = shuffle(matching, randomSeed).slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const base = `/budgets/${budget.slug}/investments`;
  const items = rows.map((i) => {
    const link = `${base}/${i.id}`;
    // Budgets::InvestmentComponent: the investment's image, or the no-image placeholder (docs/upstreams/consul.md §5.4 item 9).
    const img = i.image
      ? `<img src="${esc(i.image.path)}" alt="${esc(i.image.title)}">`
      : `<img src="/assets/budget_investment_no_image-3b1f0c.jpg" alt="${esc(i.title.nl ?? '')}">`;
    return `<div id="budget_investment_${i.id}" class="budget-investment">\n  ${img}\n  <h3><a href="${link}">${esc(i.title.nl ?? '')}</a></h3>\n  <p class="investment-project-info">${esc(i.location ?? '')}</p>\n  <a class="read-more" href="${link}">Lees meer</a>\n</div>`;
  });
  const nav =
    filters.length > 1
      ? `<ul class="menu filters">${filters.map((f) => `<li><a href="${base}?filter=${f}">${f}</a></li>`).join('')}</ul>`
      : '';
  const next =
    page * PER_PAGE < matching.length
      ? `<a rel="next" href="${base}?filter=${filter}&amp;page=${page + 1}&amp;random_seed=${esc(randomSeed)}">Volgende</a>`
      : '';
  return layout(
    `${budget.name.nl ?? ''} - Projecten`,
    `<h1>${esc(budget.name.nl ?? '')}</h1>\n${nav}\n<div id="budget-investments">\n${items.join('\n')}\n</div>\n<nav class="pagination">${next}</nav>`,
  );
}

/** `/budgets/:id/investments/:inv`: 404 when the investment is not in that budget (docs/upstreams/consul.md §8 note 13). */
export function investmentPage(seed: ConsulSeed, budget: ConsulBudget, id: string): SimResponse {
  const i = seed.investments.find((x) => String(x.id) === id && x.budgetId === budget.id && !x.hidden);
  if (!i) return notFoundPage();
  return layout(
    i.title.nl ?? '',
    `<div id="budget_investment_${i.id}" class="budget-investment-show">\n<h1>${esc(i.title.nl ?? '')}</h1>\n<div class="description">${i.description.nl ?? ''}</div>\n</div>`,
  );
}

function euros(n: number): string {
  return `€${n.toLocaleString('nl-NL')}`;
}

/**
 * `/budgets/:id/results?heading_id=`: the selected investments of one heading (the first by default),
 * compatible and incompatible, by ballot count; rows `id="budget_investment_<id>"`, winners with class
 * `success`; a heading menu links the other headings. Only for a finished budget with results enabled;
 * otherwise CanCan's AccessDenied redirects to the home page (docs/upstreams/consul.md §5.3).
 */
export function resultsPage(seed: ConsulSeed, budget: ConsulBudget, query: URLSearchParams, base: string): SimResponse {
  if (budget.phase !== 'finished' || !budget.resultsEnabled) return redirectHome(base);
  const heading = budget.headings.find((h) => String(h.id) === query.get('heading_id')) ?? budget.headings[0];
  if (!heading) return notFoundPage();
  const rows = seed.investments
    .filter((i) => i.budgetId === budget.id && i.headingId === heading.id && i.selected && !i.hidden)
    .sort((a, b) => b.ballotLinesCount - a.ballotLinesCount);
  let left = heading.price;
  const tr = rows.map((i) => {
    const price = Number(i.price ?? 0);
    if (i.winner) left -= price;
    return `<tr id="budget_investment_${i.id}" class="spending-proposal ${i.winner ? 'success' : 'js-discarded'}">\n  <td>${i.winner ? '<span class="icon-check"></span>' : ''}</td>\n  <td><a href="/budgets/${budget.slug}/investments/${i.id}">${esc(i.title.nl ?? '')}</a>${i.incompatible ? ' <small>(incompatibel)</small>' : ''}</td>\n  <td class="text-center">${i.ballotLinesCount}</td>\n  <td class="text-right">${budget.hideMoney ? '' : euros(price)}</td>\n  <td class="text-right">${budget.hideMoney || !i.winner ? '' : euros(left)}</td>\n</tr>`;
  });
  const menu = budget.headings
    .map(
      (h) =>
        `<li${h.id === heading.id ? ' class="is-active"' : ''}><a href="/budgets/${budget.slug}/results?heading_id=${h.id}">${esc(h.name)}</a></li>`,
    )
    .join('');
  return layout(
    `Resultaten ${budget.name.nl ?? ''}`,
    `<h1>Resultaten</h1>\n<ul class="menu headings">${menu}</ul>\n<h2>${esc(heading.name)}</h2>\n<table id="budget-investments-compatible">\n<thead><tr><th></th><th>Project</th><th>Stemmen</th><th>Kosten</th><th>Resterend budget</th></tr></thead>\n<tbody>\n${tr.join('\n')}\n</tbody>\n</table>`,
  );
}
