import { calculateWinners } from '../calculateWinners';
import { investment, monthlyPhases } from '../seedHelpers';
import type { ConsulBudget } from '../seedTypes';

const budget = (hideMoney = false): ConsulBudget => ({
  id: 1,
  slug: 'b',
  name: { nl: 'B' },
  phase: 'finished',
  published: true,
  votingStyle: 'knapsack',
  hideMoney,
  currencySymbol: '€',
  phases: monthlyPhases('2025-01-01'),
  resultsEnabled: true,
  headings: [{ id: 1, group: 'G', name: 'H', price: 100, maxBallotLines: 1 }],
});
const inv = (id: number, price: string, ballots: number, extra: { incompatible?: boolean; selected?: boolean } = {}) =>
  investment({
    id,
    budgetId: 1,
    headingId: 1,
    title: `I${id}`,
    description: '',
    price,
    feasibility: 'feasible',
    authorId: 1,
    selected: true,
    ballotLinesCount: ballots,
    ...extra,
  });

describe('calculateWinners', () => {
  it.each([
    [
      'greedy by ballots, skipping what no longer fits',
      budget(),
      [inv(1, '60', 10), inv(2, '50', 9), inv(3, '40', 8)],
      [1, 3],
    ],
    ['incompatible ones never win', budget(), [inv(1, '10', 10, { incompatible: true }), inv(2, '10', 9)], [2]],
    ['unselected ones never win', budget(), [inv(1, '10', 10, { selected: false }), inv(2, '10', 9)], [2]],
    [
      'with hide_money every compatible selected one wins',
      budget(true),
      [inv(1, '90', 10), inv(2, '90', 9), inv(3, '90', 8, { incompatible: true })],
      [1, 2],
    ],
  ])('marks winners: %s', (_name, b, investments, winners) => {
    expect(
      calculateWinners(b, investments)
        .filter((i) => i.winner)
        .map((i) => i.id),
    ).toEqual(winners);
  });
});
