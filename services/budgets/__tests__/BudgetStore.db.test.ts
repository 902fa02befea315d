import { freshTable, type TestDb } from '../../../test/support/db';
import { aBudget, aProject } from '../../../test/support/builders';
import { seed } from '../../../test/support/seed';
import { dynamoBudgetProjectStore } from '../store/BudgetProjectStore';
import { dynamoBudgetStore } from '../store/BudgetStore';

describe('the budget stores on DynamoDB Local', () => {
  let db: TestDb;
  const voting = aBudget(1);
  const finished = aBudget(2, {
    phase: 'FINISHED',
    municipalityCode: 'GM0518',
    provenance: { ...aBudget(2).provenance, sourceId: 'gm0518-openstad' },
  });
  const gone = aBudget(3, { removedAt: '2026-01-05T00:00:00.000Z' });
  const projects = [3, 0, 2, 1].map((n) => aProject(voting, n, { voteCount: n === 2 ? null : n * 10 }));

  beforeAll(async () => {
    db = await freshTable('budgets');
    await seed(db, {
      budgets: [voting, finished, gone],
      projects: [...projects, aProject(voting, 4, { removedAt: '2026-01-05T00:00:00.000Z' })],
    });
  });

  it('lists budgets newest first, by municipality and phase, never removed ones', async () => {
    const store = dynamoBudgetStore(db);
    const ids = async (f: Parameters<typeof store.list>[0]) =>
      (await store.list(f, { first: 10, after: null })).items.map((i) => i.node.id);
    expect(await ids({})).toEqual([finished.id, voting.id]);
    expect(await ids({ municipalityCode: 'GM0518' })).toEqual([finished.id]);
    expect(await ids({ phase: 'VOTING' })).toEqual([voting.id]);
    expect(await ids({ platform: 'CONSUL' })).toEqual([]);
  });

  it("lists a budget's projects in the platform's order and by votes, unpublished votes last", async () => {
    const store = dynamoBudgetProjectStore(db);
    const titles = async (order: 'PLATFORM' | 'MOST_VOTES') =>
      (await store.ofBudget(voting.id, order, { first: 10, after: null })).items.map((i) => i.node.title);
    expect(await titles('PLATFORM')).toEqual(['Project 0', 'Project 1', 'Project 2', 'Project 3']);
    expect(await titles('MOST_VOTES')).toEqual(['Project 3', 'Project 1', 'Project 0', 'Project 2']);
  });
});
