/**
 * End to end through a gateway: the supergraph composed from schema/ with the search subgraph in it,
 * served over HTTP, with every subgraph in-process. A search hit is resolved by its owning subgraph.
 */
import { composeServices } from '@apollo/composition';
import { serveHttp, type RunningHttp } from '../../core/http';
import { ensureRegistry } from '../../core/registry';
import { subgraphTypeDefs } from '../../core/schema';
import { createBudgetsSubgraph } from '../../budgets/subgraph';
import { InProcessDataSource } from '../../gateway/dataSources';
import { createGatewayServer } from '../../gateway/gateway';
import { createMunicipalitiesSubgraph } from '../../municipalities/subgraph';
import { createProposalsSubgraph } from '../../proposals/subgraph';
import { freshTable } from '../../../test/support/db';
import { post } from '../../../test/support/gateway';
import { seed } from '../../../test/support/seed';
import { createSearchSubgraph, searchIndexOver, searchTypeDefs } from '../subgraph';
import { budget, projects, stalling, terras } from './fixtures';

let gateway: RunningHttp;

beforeAll(async () => {
  const db = await freshTable('search-e2e');
  await ensureRegistry(db.doc, db.table);
  await seed(db, { proposals: [stalling, terras], budgets: [budget], projects });
  const composed = composeServices([
    ...(['municipalities', 'proposals', 'budgets'] as const).map((name) => ({
      name,
      typeDefs: subgraphTypeDefs(name),
      url: `inprocess://${name}`,
    })),
    { name: 'search', typeDefs: searchTypeDefs(), url: 'inprocess://search' },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const apollo = createGatewayServer({
    supergraphSdl: composed.supergraphSdl,
    dataSources: {
      municipalities: new InProcessDataSource(createMunicipalitiesSubgraph(db), 5000),
      proposals: new InProcessDataSource(createProposalsSubgraph(db), 5000),
      budgets: new InProcessDataSource(createBudgetsSubgraph(db), 5000),
      search: new InProcessDataSource(createSearchSubgraph(searchIndexOver(db)), 5000),
    },
  });
  gateway = await serveHttp(apollo, { port: 0, host: '127.0.0.1', context: async () => ({}) });
});

afterAll(() => gateway?.close());

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

  it('answers a bad argument with BAD_USER_INPUT', async () => {
    const res = await post(gateway.url, {
      query: `{ search(query: "fiets", filter: { near: { latitude: 52, longitude: 5, radiusKm: 500 } }) { totalCount } }`,
    });
    expect(res.json.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
