/** Budgets through the gateway: outcome, declared rules, Pabulib export in the schema and at a plain URL. */
import { ensureRegistry } from '../services/core/registry';
import type { AnonymousBallots } from '../services/core/model';
import { checkPabulib } from '../services/budgets/pabulib/check';
import { parsePabulib, projectRecords, metaValue } from '../services/core/pabulib/parse';
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
    votingPeriod: { start: '2025-03-01T08:00:00.000Z', end: '2025-03-31T21:00:00.000Z' },
    outcomeRule: { rule: 'greedy', threshold: null, statedBy: 'SOURCE_DECLARATION' },
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
  // 143 voters; voter k chose project i when k < votes[i], so the ballots agree with the counts.
  const ballots: AnonymousBallots = {
    budgetId: budget.id,
    projects: projects.map((p) => p.provenance.upstreamId),
    ballots: Array.from({ length: 143 }, (_, k) => ({
      vote: votes.flatMap((v, i) => (k < v ? [i] : [])),
      points: null,
    })),
  };
  const withBallots = { ...budget, ballots: { count: 143, digest: 'test' } };
  const undeclared = aBudget(8, { municipalityCode: 'GM0518', total: null, outcomeRule: null });
  const undeclaredProjects = [aProject(undeclared, 0, { cost: null, voteCount: null })];

  beforeAll(async () => {
    const db = await freshTable('budgets-e2e');
    await ensureRegistry(db.doc, db.table);
    await seed(db, {
      budgets: [withBallots, undeclared],
      projects: [...projects, ...undeclaredProjects],
      ballots: [ballots],
    });
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());

  it('computes the declared rule on the published votes', async () => {
    const { json } = await gw.post({
      query: `{ budget(id: "${budget.id}") { ballotCount outcomeRule { pabulibRule threshold statedBy } outcomeUnavailable { reason }
        outcome { basis rule provisional selected { id } totalCost { amountMinor } remaining { formatted } } } }`,
    });
    expect(json.errors).toBeUndefined();
    const expected = greedyByVotes(
      projects.map((p) => ({ id: p.id, cost: p.cost!.amountMinor, votes: p.voteCount! })),
      3_000_000,
    );
    expect(json.data.budget).toEqual({
      ballotCount: 143,
      outcomeRule: { pabulibRule: 'greedy', threshold: null, statedBy: 'SOURCE_DECLARATION' },
      outcomeUnavailable: null,
      outcome: {
        basis: 'COMPUTED',
        rule: 'GREEDY_BY_VOTES',
        provisional: true,
        selected: expected.map((id) => ({ id })),
        totalCost: { amountMinor: 2_530_000 },
        remaining: { formatted: '€\u00a04.700,00' },
      },
    });
  });

  it('gives no outcome, and says why, when no rule is stated or declared', async () => {
    const { json } = await gw.post({
      query: `{ budget(id: "${undeclared.id}") { ballotCount outcomeRule { pabulibRule } outcome { basis } outcomeUnavailable { reason message } } }`,
    });
    expect(json.data.budget).toEqual({
      ballotCount: null,
      outcomeRule: null,
      outcome: null,
      outcomeUnavailable: { reason: 'NO_RULE', message: expect.stringMatching(/outcomeRule/) },
    });
  });

  it('exports a file Pabulib’s checker accepts, with the ballots, in the schema and at a plain URL', async () => {
    const { json } = await gw.post({
      query: `{ budget(id: "${budget.id}") { pabulib outcome { selected { provenance { upstreamId } } } } }`,
    });
    const text = json.data.budget.pabulib;
    expect(checkPabulib(text).errors).toEqual([]);
    const file = parsePabulib(text);
    expect(file.meta.map(([k]) => k)).toEqual([
      'description',
      'country',
      'unit',
      'instance',
      'num_projects',
      'num_votes',
      'budget',
      'vote_type',
      'rule',
      'date_begin',
      'date_end',
      'max_sum_cost',
      'language',
      'currency',
      'comment',
    ]);
    expect(metaValue(file, 'unit')).toBe("'s-Gravenhage");
    expect(metaValue(file, 'budget')).toBe('30000');
    expect(metaValue(file, 'rule')).toBe('greedy');
    expect(metaValue(file, 'date_begin')).toBe('01.03.2025');
    expect(metaValue(file, 'comment')).toMatch(/^#1: Exported by Inspraak .*gm0518-openstad:budget:7/);
    expect(projectRecords(file).map((p) => [p.cost, p.votes, p.name])).toEqual(
      costs.map((c, i) => [String(c), String(votes[i]), `Project "${i}"; test`]),
    );
    expect(file.votes?.rows.map((r) => r[0])).toEqual(Array.from({ length: 143 }, (_, i) => String(i + 1)));
    // The outcome recomputed from the file is the API's outcome.
    const recomputed = greedyByVotes(
      projectRecords(file).map((p) => ({ id: p.project_id!, cost: Number(p.cost), votes: Number(p.votes) })),
      Number(metaValue(file, 'budget')),
    );
    expect(recomputed.sort()).toEqual(
      json.data.budget.outcome.selected.map((p: any) => p.provenance.upstreamId).sort(),
    );

    const res = await fetch(gw.url.replace('/graphql', `/export/budgets/${encodeURIComponent(budget.id)}.pb`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="gm0518-openstad_budget_7.pb"');
    expect(await res.text()).toBe(text);
  });

  it('leaves out what is unknown rather than writing 0, and says the ballots are missing', async () => {
    const { json } = await gw.post({ query: `{ budget(id: "${undeclared.id}") { pabulib } }` });
    const file = parsePabulib(json.data.budget.pabulib);
    expect(metaValue(file, 'budget')).toBeUndefined();
    expect(metaValue(file, 'num_votes')).toBeUndefined();
    expect(metaValue(file, 'rule')).toBe('unknown');
    expect(metaValue(file, 'comment')).toMatch(/#2: The platform publishes no individual ballots/);
    expect(file.projects.columns).toEqual(['project_id', 'cost', 'name', 'category']);
    expect(projectRecords(file)[0]!.cost).toBe('');
    expect(file.votes).toEqual({ columns: ['voter_id', 'vote'], rows: [] });
    // What the checker then refuses is exactly what is not known.
    expect(checkPabulib(json.data.budget.pabulib).errors).toEqual([
      "meta field 'num_votes' is required but missing",
      "meta field 'budget' is required but missing",
      "meta field 'date_begin' is required but missing",
      "meta field 'date_end' is required but missing",
      "projects field 'cost' cannot be empty (8-0)",
      'project 8-0 has no cost',
      'all projects funded, but fully_funded is not 1',
    ]);
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
