/**
 * End to end through a gateway: the supergraph composed from schema/ with the search subgraph in it,
 * served over HTTP, with every subgraph in-process. A search hit is resolved by its owning subgraph.
 */
import type { RunningHttp } from '../../core/http';
import { ensureRegistry } from '../../core/registry';
import { freshTable, type TestDb } from '../../../test/support/db';
import { post, startTestGateway } from '../../../test/support/gateway';
import { seed } from '../../../test/support/seed';
import { budget, projects, stalling, terras } from './fixtures';

let db: TestDb;
let gateway: RunningHttp;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await freshTable('search-e2e');
  await ensureRegistry(db.doc, db.table);
  await seed(db, { proposals: [stalling, terras], budgets: [budget], projects });
  // The gateway as deployed in the single topology: the committed supergraph, every subgraph in-process.
  gateway = await startTestGateway(db);
  closers.push(gateway.close);
});

afterAll(() => Promise.all(closers.map((close) => close())));

describe('search through the gateway', () => {
  it('resolves a proposal hit to the full proposal, with its municipality, from the owning subgraphs', async () => {
    const res = await post(gateway.url, {
      query: `{ search(query: "cafe") { totalCount edges { highlights { field snippet } node {
        __typename ... on Proposal { id title status municipality { name province { name } } } } } } }`,
    });
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.search).toEqual({
      totalCount: 1,
      edges: [
        {
          highlights: [{ field: 'TITLE', snippet: 'Terras voor het <mark>café</mark> op het plein' }],
          node: {
            __typename: 'Proposal',
            id: terras.id,
            title: terras.title,
            status: 'OPEN',
            municipality: { name: "'s-Gravenhage", province: { name: 'Zuid-Holland' } },
          },
        },
      ],
    });
  });

  it('resolves a budget project hit to the project and its budget', async () => {
    const res = await post(gateway.url, {
      query: `{ search(query: "fietsenstalling", filter: { kinds: [BUDGET_PROJECT] }) { edges { node {
        ... on BudgetProject { title voteCount budget { title } } } } } }`,
    });
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.search.edges).toEqual([
      { node: { title: projects[0]!.title, voteCount: 30, budget: { title: 'Duinoord Begroot' } } },
    ]);
  });

  it("follows INSPRAAK_SEARCH_REFRESH_MS in the gateway's process, as the search subgraph's own server does", async () => {
    const eager = await startTestGateway(db, { INSPRAAK_SEARCH_REFRESH_MS: '1' });
    closers.push(eager.close);
    const count = async (gw: RunningHttp) =>
      (await post(gw.url, { query: '{ search(query: "openluchtzwembad") { totalCount } }' })).json.data.search
        .totalCount;
    expect([await count(eager), await count(gateway)]).toEqual([0, 0]);
    const id = terras.id.replace(/\d+$/, '999');
    await seed(db, {
      proposals: [{ ...terras, id, title: 'Een openluchtzwembad aan de kust' }],
    });
    // The eager gateway refreshes on every request; the default one waits 60 s before it looks again.
    expect([await count(eager), await count(gateway)]).toEqual([1, 0]);
  });

  it('answers a bad argument with BAD_USER_INPUT', async () => {
    const res = await post(gateway.url, {
      query: `{ search(query: "fiets", filter: { near: { latitude: 52, longitude: 5, radiusKm: 500 } }) { totalCount } }`,
    });
    expect(res.json.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
