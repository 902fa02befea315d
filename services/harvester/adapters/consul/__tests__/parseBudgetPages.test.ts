import { investmentIdsFromIndex, investmentImagesFromIndex, parseResultsPage } from '../parseBudgetPages';

describe('investmentIdsFromIndex', () => {
  it('reads each investment once from slug or id links and ignores filter links', () => {
    const html = `<a href="/budgets/assen-begroot-2025/investments?filter=unselected">x</a>
      <h3><a href="/budgets/assen-begroot-2025/investments/274">Pannakooi</a></h3><a href="/budgets/assen-begroot-2025/investments/274">Lees meer</a>
      <a href="/budgets/3/investments/280?locale=nl">Kunstgras</a><a href="https://doemee.assen.example/budgets/3/investments/281">Dak</a>`;
    expect(investmentIdsFromIndex(html)).toEqual(['274', '280', '281']);
  });
});

describe('parseResultsPage', () => {
  it('reads winners by the success class, ballot counts and the heading menu', () => {
    const html = `<ul><li><a href="/budgets/x/results?heading_id=21">Noord</a></li><li><a href="/budgets/x/results?heading_id=22">Zuid</a></li></ul>
      <table><tr id="budget_investment_384" class="spending-proposal success"><td></td><td><a href="#">A</a></td><td class="text-center">603</td><td class="text-right">€26.000</td></tr>
      <tr id="budget_investment_385" class="spending-proposal js-discarded"><td></td><td>B</td><td class="text-center"> 580 </td></tr>
      <tr class="successful" id="budget_investment_386"><td>C</td></tr></table>`;
    expect(parseResultsPage(html)).toEqual({
      rows: [
        { id: '384', winner: true, ballots: 603 },
        { id: '385', winner: false, ballots: 580 },
        { id: '386', winner: false, ballots: null },
      ],
      headings: [
        { id: '21', name: 'Noord' },
        { id: '22', name: 'Zuid' },
      ],
    });
  });
});

describe('investmentImagesFromIndex', () => {
  it('reads the image of each investment card and skips the no-image placeholder', () => {
    const html = `<div id="budget_investment_274" class="budget-investment"><img src="/rails/active_storage/x/pannakooi.jpg" alt="Pannakooi"><h3><a href="/budgets/3/investments/274">P</a></h3></div>
      <div id="budget_investment_275" class="investments-list-item"><img src="/assets/budget_investment_no_image-abc.jpg" alt="Speelbos"></div>
      <div id="budget_investment_276"><h3>Geen beeld</h3></div>`;
    expect([...investmentImagesFromIndex(html)]).toEqual([
      ['274', { url: '/rails/active_storage/x/pannakooi.jpg', alt: 'Pannakooi' }],
    ]);
  });
});
