import { budgetPage } from '../../../../../dev/simulators/consul/budgetPage';
import { buildConsulSeed } from '../../../../../dev/simulators/consul/buildConsulSeed';
import { UpstreamSchemaError } from '../../../errors';
import { parseAmount, parseBudgetPage } from '../parseBudgetPage';

const page = (municipality: string, id: number) => {
  const budget = buildConsulSeed(municipality).budgets.find((b) => b.id === id)!;
  return parseBudgetPage(budgetPage(budget).text!, `/budgets/${id}`);
};

describe('parseAmount', () => {
  it.each([
    ['€ 100.000', 100_000, '€'],
    ['100.000 €', 100_000, '€'],
    ['$100,000', 100_000, '$'],
    ['£ 1 250 000', 1_250_000, '£'],
    ['€ 0', 0, '€'],
    ['12000', 12_000, null],
  ])('reads %s', (text, amount, currencySymbol) => {
    expect(parseAmount(text)).toEqual({ amount, currencySymbol });
  });

  it('gives null for text without an amount', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('Verborgen')).toBeNull();
  });
});

describe('parseBudgetPage', () => {
  it('reads the single heading, its amount and the nine phases of a finished budget', () => {
    const p = page('GM0106', 3);
    expect(p.headings).toEqual([{ group: null, name: 'Heel Assen', id: null, amount: 100_000, currencySymbol: '€' }]);
    expect(p.phases).toHaveLength(9);
    expect(p.phases[6]).toEqual({ name: 'Stemmen', current: false, firstDay: '2025-07-01', lastDay: '2025-07-31' });
    expect(p.phases.filter((x) => x.current).map((x) => x.name)).toEqual(['Uitslag']);
  });

  it('shows only enabled phases, the current one active', () => {
    const p = page('GM0106', 4);
    expect(p.phases).toHaveLength(8);
    expect(p.phases.find((x) => x.current)).toEqual({
      name: 'Stemmen',
      current: true,
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
    });
  });

  it('reads grouped headings without ids once the budget is finished', () => {
    expect(page('GM0855', 4).headings).toEqual([
      { group: 'Stadsdelen', name: 'Tilburg-Noord', id: null, amount: 75_000, currencySymbol: '€' },
      { group: 'Stadsdelen', name: 'Tilburg-Zuid', id: null, amount: 75_000, currencySymbol: '€' },
    ]);
  });

  it('reads heading ids from their links and no amounts when the budget hides money', () => {
    expect(page('GM0855', 5).headings).toEqual([
      { group: 'Wijken', name: 'Centrum', id: '23', amount: null, currencySymbol: null },
      { group: 'Wijken', name: 'Reeshof', id: '25', amount: null, currencySymbol: null },
    ]);
  });

  it.each([
    ['a login wall', '<html><body><form action="/users/sign_in"></form></body></html>'],
    ['an empty body', ''],
    ['a page without headings', '<div class="budget-header"><h1>B</h1></div><div id="budget_info"></div>'],
  ])('throws UpstreamSchemaError for %s', (_name, html) => {
    expect(() => parseBudgetPage(html, '/budgets/9')).toThrow(UpstreamSchemaError);
  });
});
