import { aBudget, aProject } from '../../../../test/support/builders';
import { budgetOutcome } from '../budgetOutcome';

const eur = (euros: number) => ({ amountMinor: euros * 100, currency: 'EUR' });
const budget = aBudget(1, {
  total: eur(100),
  votingRule: {
    kind: 'APPROVAL_WITHIN_BUDGET',
    minTotal: null,
    maxTotal: eur(100),
    minProjects: null,
    maxProjects: null,
    themes: [],
  },
});
const p = (n: number, cost: number, votes: number | null, extra = {}) =>
  aProject(budget, n, { cost: eur(cost), voteCount: votes, ...extra });

describe('budgetOutcome', () => {
  it("reports the platform's winners when it marks them", () => {
    const out = budgetOutcome({ ...budget, phase: 'FINISHED' }, [
      p(0, 60, 1, { selected: false }),
      p(1, 50, 2, { selected: true }),
    ]);
    expect(out).toMatchObject({
      basis: 'REPORTED',
      rule: 'PLATFORM',
      provisional: false,
      totalCost: eur(50),
      remaining: eur(50),
    });
    expect(out!.selected.map((x) => x.title)).toEqual(['Project 1']);
  });

  it('computes greedy by votes within the limit, skipping what does not fit', () => {
    const out = budgetOutcome(budget, [p(0, 60, 9), p(1, 50, 8), p(2, 40, 7)]);
    expect(out).toMatchObject({
      basis: 'COMPUTED',
      rule: 'GREEDY_BY_VOTES',
      provisional: true,
      totalCost: eur(100),
      remaining: eur(0),
    });
    expect(out!.selected.map((x) => x.title)).toEqual(['Project 0', 'Project 2']);
  });

  it('takes at most k by votes for choose-k ballots', () => {
    const k2 = {
      ...budget,
      votingRule: { ...budget.votingRule, kind: 'CHOOSE_K' as const, maxTotal: null, maxProjects: 2 },
    };
    expect(budgetOutcome(k2, [p(0, 10, 1), p(1, 10, 3), p(2, 10, 2)])!.selected.map((x) => x.title)).toEqual([
      'Project 1',
      'Project 2',
    ]);
  });

  it('applies the limit per theme for per-theme budgets', () => {
    const perTheme = {
      ...budget,
      votingRule: {
        ...budget.votingRule,
        kind: 'PER_THEME_BUDGET' as const,
        maxTotal: eur(50),
        themes: ['Groen', 'Spelen'],
      },
    };
    const tag = (name: string) => ({ tags: [{ name, kind: 'THEME' as const }] });
    const out = budgetOutcome(perTheme, [
      p(0, 40, 9, tag('Groen')),
      p(1, 30, 8, tag('Groen')),
      p(2, 50, 1, tag('Spelen')),
    ]);
    expect(out).toMatchObject({ rule: 'GREEDY_BY_VOTES_PER_THEME' });
    expect(out!.selected.map((x) => x.title)).toEqual(['Project 0', 'Project 2']);
  });

  it.each([
    ['votes are not public', [p(0, 10, null)]],
    ['there are no projects', []],
  ])('gives no outcome when %s', (_name, projects) => {
    expect(budgetOutcome(budget, projects)).toBeNull();
  });

  it('does not guess a rule the platform does not publish', () => {
    expect(
      budgetOutcome({ ...budget, votingRule: { ...budget.votingRule, kind: 'UNKNOWN' } }, [p(0, 10, 3)]),
    ).toBeNull();
  });
});
