import { aBudget, aProject } from '../../../../test/support/builders';
import type { AnonymousBallots, Budget, PabulibRule } from '../../../core/model';
import { budgetOutcome } from '../budgetOutcome';

const eur = (euros: number) => ({ amountMinor: euros * 100, currency: 'EUR' });
const declared = (rule: PabulibRule, threshold: number | null = null) => ({
  rule,
  threshold,
  statedBy: 'SOURCE_DECLARATION' as const,
});
const budget: Budget = aBudget(1, {
  total: eur(100),
  outcomeRule: declared('greedy'),
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
const titles = (r: ReturnType<typeof budgetOutcome>) => r.outcome!.selected.map((x) => x.title);

describe('budgetOutcome', () => {
  it("reports the platform's winners when it marks them", () => {
    const r = budgetOutcome(
      { ...budget, phase: 'FINISHED' },
      [p(0, 60, 1, { selected: false }), p(1, 50, 2, { selected: true })],
      null,
    );
    expect(r.outcome).toMatchObject({
      basis: 'REPORTED',
      rule: 'PLATFORM',
      provisional: false,
      totalCost: eur(50),
      remaining: eur(50),
    });
    expect(r.unavailable).toBeNull();
    expect(titles(r)).toEqual(['Project 1']);
  });

  it('does not call "no project selected yet" a reported outcome (Decidim while voting)', () => {
    const projects = [
      p(0, 60, 9, { selected: false }),
      p(1, 50, 8, { selected: false }),
      p(2, 40, 7, { selected: false }),
    ];
    const r = budgetOutcome(budget, projects, null);
    expect(r.outcome).toMatchObject({ basis: 'COMPUTED', rule: 'GREEDY_BY_VOTES', provisional: true });
    expect(titles(r)).toEqual(['Project 0', 'Project 2']);
    expect(budgetOutcome({ ...budget, outcomeRule: null }, projects, null)).toEqual({
      outcome: null,
      unavailable: expect.objectContaining({ reason: 'NO_RULE' }),
    });
  });

  it('computes the declared greedy rule within the total, skipping what does not fit', () => {
    const r = budgetOutcome(budget, [p(0, 60, 9), p(1, 50, 8), p(2, 40, 7)], null);
    expect(r.outcome).toMatchObject({
      basis: 'COMPUTED',
      rule: 'GREEDY_BY_VOTES',
      totalCost: eur(100),
      remaining: eur(0),
    });
    expect(titles(r)).toEqual(['Project 0', 'Project 2']);
  });

  it('stops at the first project that does not fit under greedy-no-skip', () => {
    const r = budgetOutcome(
      { ...budget, outcomeRule: declared('greedy-no-skip') },
      [p(0, 60, 9), p(1, 50, 8), p(2, 40, 7)],
      null,
    );
    expect(r.outcome?.rule).toBe('GREEDY_BY_VOTES_NO_SKIP');
    expect(titles(r)).toEqual(['Project 0']);
  });

  it('leaves out projects under the threshold under greedy-threshold', () => {
    const r = budgetOutcome(
      { ...budget, outcomeRule: declared('greedy-threshold', 5) },
      [p(0, 10, 9), p(1, 10, 4)],
      null,
    );
    expect(r.outcome?.rule).toBe('GREEDY_BY_VOTES_THRESHOLD');
    expect(titles(r)).toEqual(['Project 0']);
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
    const r = budgetOutcome(
      perTheme,
      [p(0, 40, 9, tag('Groen')), p(1, 30, 8, tag('Groen')), p(2, 50, 1, tag('Spelen'))],
      null,
    );
    expect(r.outcome?.rule).toBe('GREEDY_BY_VOTES_PER_THEME');
    expect(titles(r)).toEqual(['Project 0', 'Project 2']);
  });

  describe('Equal Shares', () => {
    // Three voters want A (60), one wants B (30) and C (30): greedy by votes funds A and one of B/C only
    // after A; Equal Shares gives the lone voter a quarter of the budget, enough for B.
    const es = { ...budget, outcomeRule: declared('equalshares') };
    const projects = [p(0, 60, 3), p(1, 30, 1), p(2, 30, 1)];
    const ballots: AnonymousBallots = {
      budgetId: budget.id,
      projects: ['1-0', '1-1', '1-2'],
      ballots: [
        { vote: [0], points: null },
        { vote: [0], points: null },
        { vote: [0], points: null },
        { vote: [1, 2], points: null },
      ],
    };

    it('computes the winners from the anonymous ballots', () => {
      const r = budgetOutcome(es, projects, ballots);
      expect(r.outcome).toMatchObject({ basis: 'COMPUTED', rule: 'EQUAL_SHARES' });
      expect(titles(r).sort()).toEqual(['Project 0']);
      const add1 = budgetOutcome({ ...es, outcomeRule: declared('equalshares/add1') }, projects, ballots);
      expect(add1.outcome?.rule).toBe('EQUAL_SHARES_ADD1');
      expect(titles(add1).sort()).toEqual(['Project 0', 'Project 1']);
    });

    it('gives no outcome, and says why, without ballots — never greedy under its name', () => {
      expect(budgetOutcome(es, projects, null)).toEqual({
        outcome: null,
        unavailable: expect.objectContaining({ reason: 'NO_BALLOTS' }),
      });
    });
  });

  it.each([
    ['votes are not public', budget, [p(0, 10, null)], 'VOTES_NOT_PUBLIC'],
    ['there are no projects', budget, [], 'NO_PROJECTS'],
    ['a cost is unknown', budget, [aProject(budget, 0, { cost: null, voteCount: 3 })], 'COSTS_UNKNOWN'],
    ['the total is unknown', { ...budget, total: null }, [p(0, 10, 3)], 'TOTAL_UNKNOWN'],
    [
      'the rule is one Inspraak does not compute',
      { ...budget, outcomeRule: declared('greedy-custom') },
      [p(0, 10, 3)],
      'RULE_NOT_COMPUTABLE',
    ],
    ['no rule is stated or declared', { ...budget, outcomeRule: null }, [p(0, 10, 3)], 'NO_RULE'],
  ])('gives no outcome when %s', (_name, b, projects, reason) => {
    expect(budgetOutcome(b, projects, null)).toEqual({
      outcome: null,
      unavailable: expect.objectContaining({ reason }),
    });
  });
});
