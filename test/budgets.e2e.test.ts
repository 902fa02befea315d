/** Budgets through the gateway: outcome, Pabulib export in the schema and at a plain URL. */
import { ensureRegistry } from '../services/core/registry';
import { parsePabulib, projectRecords, metaValue } from '../services/budgets/pabulib/parse';
import { greedyByVotes } from '../services/budgets/outcome/greedy';
import { aBudget, aProject } from './support/builders';
import { freshTable } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

describe('budgets end to end', () => {
  let gw: TestGateway;
  const budget = aBudget(7, {
    title: 'Duinoord Begroot',
    municipalityCode: 'GM0518',
    provenance: { ...aBudget(7).provenance, sourceId: 'gm0518-openstad' },
  });
  const costs = [7800, 9000, 2500, 12000, 6000];
  const votes = [143, 129, 104, 98, 12];
  const projects = costs.map((c, i) =>
    aProject(budget, i, {
      cost: { amountMinor: c * 100, currency: 'EUR' },
      voteCount: votes[i]!,
      title: `Project "${i}"; test`,
    }),
  );

  beforeAll(async () => {
    const db = await freshTable('budgets-e2e');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { budgets: [budget], projects });
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());

  it('computes the outcome the rule function gives on the same votes', async () => {
    const { json } = await gw.post({
      query: `{ budget(id: "${budget.id}") { outcome { basis rule provisional selected { id } totalCost { amountMinor } remaining { formatted } } } }`,
    });
    expect(json.errors).toBeUndefined();
    const expected = greedyByVotes(
      projects.map((p) => ({ id: p.id, cost: p.cost!.amountMinor, votes: p.voteCount! })),
      3_000_000,
    );
    expect(json.data.budget.outcome).toEqual({
      basis: 'COMPUTED',
      rule: 'GREEDY_BY_VOTES',
      provisional: true,
      selected: expected.map((id) => ({ id })),
      totalCost: { amountMinor: 2_530_000 },
      remaining: { formatted: '€\u00a04.700,00' },
    });
  });

  it('exports the budget as a Pabulib file, in the schema and at a plain URL', async () => {
    const { json } = await gw.post({ query: `{ budget(id: "${budget.id}") { pabulib } }` });
    const file = parsePabulib(json.data.budget.pabulib);
    expect(metaValue(file, 'unit')).toBe("'s-Gravenhage");
    expect(metaValue(file, 'budget')).toBe('30000');
    expect(projectRecords(file).map((p) => [p.cost, p.votes, p.name])).toEqual(
      costs.map((c, i) => [String(c), String(votes[i]), `Project "${i}"; test`]),
    );
    expect(file.votes).toBeNull();

    const res = await fetch(gw.url.replace('/graphql', `/export/budgets/${encodeURIComponent(budget.id)}.pb`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="gm0518-openstad_budget_7.pb"');
    expect(await res.text()).toBe(json.data.budget.pabulib);
  });

  it.each([
    ['an unknown budget', 'gm0518-openstad:budget:999', 404],
    ['a malformed id', 'nonsense', 400],
  ])('answers %s at the export URL with %i', async (_name, id, status) => {
    const res = await fetch(gw.url.replace('/graphql', `/export/budgets/${encodeURIComponent(id)}.pb`));
    expect(res.status).toBe(status);
    expect(await res.text()).toMatch(/budget/);
  });
});
