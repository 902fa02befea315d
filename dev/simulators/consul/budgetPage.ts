/**
 * The budget's own page, `/budgets/:id` (docs/upstreams/consul.md §5.3, §5.4): the only public place that shows
 * a budget's headings, their amounts and its phase dates. The markup follows the structure of CONSUL's
 * budget components (header, subheader, phases, single heading or groups and headings) with the
 * classes and ids the reference names; texts are a Dutch installation's.
 */
import type { SimResponse } from '../simServer';
import { esc } from './railsPages';
import type { ConsulBudget, ConsulHeading, ConsulPhase } from './seedTypes';

const html = { 'content-type': 'text/html; charset=utf-8' };

/** `number_to_currency(amount, precision: 0, unit: currency_symbol)` in the nl locale: `€ 100.000`. */
export function formatAmount(amount: number, unit: string): string {
  return `${unit} ${amount.toLocaleString('nl-NL', { maximumFractionDigits: 0 })}`;
}

const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Rails' `time_tag(date, format: :long)`: `<time datetime="2026-05-01">1 mei 2026</time>`. */
function timeTag(date: string): string {
  return `<time datetime="${date}">${longDate.format(new Date(`${date}T00:00:00Z`))}</time>`;
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** `name.parameterize`, as the phase panel ids and group heading ids use it. */
function parameterize(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The phases list: enabled phases only, in kind order; the current one active; the end shown is the day before `ends_at`. */
function phasesSection(budget: ConsulBudget): string {
  const shown = budget.phases.filter((p) => p.enabled);
  const domId = (p: ConsulPhase) => `${shown.indexOf(p) + 1}-${parameterize(p.name)}`;
  const tabs = shown.map((p) => {
    const current = p.kind === budget.phase;
    return `    <li class="phase-title tabs-title${current ? ' is-active current-phase-tab' : ''}">\n      <a href="#${domId(p)}">${current ? '<span class="current-phase-timeline">Huidige fase</span>' : ''}<span class="phase-name">${esc(p.name)}</span></a>\n    </li>`;
  });
  const panels = shown.map((p) => {
    const current = p.kind === budget.phase;
    return `    <div id="${domId(p)}" class="tabs-panel${current ? ' is-active' : ''}">\n      <div class="tabs-controls"></div>\n      <div class="budget-phase">\n        <div class="budget-phase-content">\n          <h3>${esc(p.name)}</h3>\n          <p>${timeTag(p.startsAt)} - ${timeTag(dayBefore(p.endsAt))}</p>\n        </div>\n      </div>\n    </div>`;
  });
  return `<section class="budget-phases">\n  <header><h2>Alle fases</h2></header>\n  <ul class="phases-list tabs" data-tabs id="budget_phases_tabs" data-deep-link="true">\n${tabs.join('\n')}\n  </ul>\n  <div class="tabs-content" data-tabs-content="budget_phases_tabs">\n${panels.join('\n')}\n  </div>\n</section>`;
}

/** `Budgets::SingleHeadingComponent` or `Budgets::GroupsAndHeadingsComponent`; amounts only when money is shown. */
function headingsBlock(budget: ConsulBudget): string {
  const price = (h: ConsulHeading) => (budget.hideMoney ? '' : formatAmount(h.price, budget.currencySymbol));
  const [only] = budget.headings;
  if (only && budget.headings.length === 1) {
    return `<div class="single-heading">\n  <h2>${esc(only.name)}</h2>\n  <p>${price(only)}</p>\n</div>`;
  }
  // Heading names link to their investments except while informing and once finished.
  const linked = budget.phase !== 'informing' && budget.phase !== 'finished';
  const groups = [...new Set(budget.headings.map((h) => h.group))];
  const body = groups.map((g) => {
    const items = budget.headings
      .filter((h) => h.group === g)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((h) => {
        const name = linked
          ? `<a href="/budgets/${budget.id}/investments?heading_id=${h.id}">${esc(h.name)}</a>`
          : esc(h.name);
        return `    <li class="heading">\n      ${name}\n\n      ${budget.hideMoney ? '' : `<span>${price(h)}</span>`}\n    </li>`;
      });
    return `  <h2 id="${parameterize(g)}">${esc(g)}</h2>\n  <ul class="headings-list">\n${items.join('\n')}\n  </ul>`;
  });
  return `<div id="groups_and_headings" class="groups-and-headings">\n${body.join('\n')}\n</div>`;
}

/** `/budgets/:id`: header, current phase (with the results button once results are readable), phases and headings. */
export function budgetPage(budget: ConsulBudget): SimResponse {
  const name = esc(budget.name.nl ?? '');
  const current = budget.phases.find((p) => p.kind === budget.phase);
  const first = budget.headings[0];
  const results =
    budget.phase === 'finished' && first
      ? `\n    <div class="text-right">\n      <a class="button expanded" href="/budgets/${budget.slug}/results?heading_id=${first.id}">Bekijk de resultaten</a>\n    </div>`
      : '';
  const body = `<div class="budget-header">\n  <div class="row">\n    <div class="small-12 column text-center">\n      <span class="budget-title">Burgerbegroting</span>\n      <h1>${name}</h1>\n      <p><a href="#section_help">Hoe werkt het?</a></p>\n    </div>\n  </div>\n</div>\n<div class="budget-subheader">\n  <div class="small-12 medium-8 column info">\n    <span class="current-phase"><strong>Huidige fase</strong></span>\n    <h2>${esc(current?.name ?? '')}</h2>\n  </div>\n  <div class="small-12 medium-4 column">${results}\n  </div>\n</div>\n${phasesSection(budget)}\n<div id="budget_info" class="budget-info">\n  <div class="row margin-top">\n    <div class="small-12 column">\n${headingsBlock(budget)}\n    </div>\n  </div>\n</div>`;
  return {
    status: 200,
    headers: html,
    text: `<!DOCTYPE html>\n<html lang="nl">\n<head><title>${name}</title></head>\n<body>\n<main id="main" class="budget-show">\n${body}\n</main>\n</body>\n</html>\n`,
  };
}
