import { aBudget } from '../../../test/support/builders';
import { anonymousBallots, type VoteRow, withBallots } from '../ballots';

const rows = (n: number): VoteRow[] =>
  Array.from({ length: n }, (_, v) => [
    { voter: `user-${v}`, project: 'b' },
    { voter: `user-${v}`, project: v % 2 ? 'a' : 'c' },
    { voter: `user-${v}`, project: 'removed' },
  ]).flat();

describe('anonymous ballots', () => {
  it('keeps per voter only the sorted set of listed projects: no id, no order of voting', () => {
    const out = anonymousBallots('x:budget:1', rows(12), ['a', 'b', 'c'], 10)!;
    expect(Object.keys(out).sort()).toEqual(['ballots', 'budgetId', 'projects']);
    expect(out.ballots).toHaveLength(12);
    expect(out.ballots.filter((b) => b.vote.join() === '0,1')).toHaveLength(6);
    expect(out.ballots.filter((b) => b.vote.join() === '1,2')).toHaveLength(6);
    expect(JSON.stringify(out)).not.toMatch(/user/);
  });

  it('stores nothing for fewer voters than the minimum', () => {
    expect(anonymousBallots('x:budget:1', rows(9), ['a', 'b', 'c'], 10)).toBeNull();
    expect(anonymousBallots('x:budget:1', rows(10), ['a', 'b', 'c'], 10)).not.toBeNull();
  });

  it('shuffles the ballots, and a re-shuffle of the same ballots is no change', () => {
    const many = Array.from({ length: 200 }, (_, v) => ({ voter: String(v), project: String(v % 50) }));
    const projects = Array.from({ length: 50 }, (_, i) => String(i));
    const one = anonymousBallots('x:budget:1', many, projects, 10)!;
    const two = anonymousBallots('x:budget:1', many, projects, 10)!;
    expect(one.ballots.map((b) => b.vote[0])).not.toEqual(many.map((r) => Number(r.project)));
    expect(one.ballots).not.toEqual(two.ballots);
    const budget = aBudget(1);
    expect(withBallots(budget, one).ballots).toEqual(withBallots(budget, two).ballots);
    expect(withBallots(budget, one).ballots?.count).toBe(200);
  });
});
