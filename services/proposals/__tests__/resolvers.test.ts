/** The proposals subgraph's resolvers over an in-memory store: no DynamoDB, no network. */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type ExecutionResult, graphql } from 'graphql';
import { aProposal } from '../../../test/support/builders';
import { inMemoryProposalStore } from '../../../test/support/fakes/inMemoryProposalStore';
import { subgraphTypeDefs } from '../../core/schema';
import type { ProposalsContext } from '../context';
import { resolvers } from '../subgraph';

const schema = buildSubgraphSchema({ typeDefs: subgraphTypeDefs('proposals'), resolvers: resolvers as never });
const proposals = [
  aProposal(1, { title: 'Bankjes in het Vondelpark', supportCount: 40 }),
  aProposal(2, { title: 'Meer groen', status: 'ACCEPTED', supportCount: 90 }),
  aProposal(3, { title: 'Weggehaald', removedAt: '2026-01-02T00:00:00.000Z', supportCount: 500 }),
  aProposal(4, { title: 'Fietsenstalling', municipalityCode: 'GM0518', supportCount: 10 }),
];

async function run(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<any>> {
  const contextValue: ProposalsContext = { stores: { proposals: inMemoryProposalStore(proposals) } };
  return graphql({ schema, source: query, variableValues: variables, contextValue });
}
/** The error classes thrown, which one catalogue maps to `extensions.code` (services/core/errors.ts). */
const codes = (r: ExecutionResult) => r.errors?.map((e) => e.originalError?.constructor.name);

describe('the proposals resolvers, over an in-memory store', () => {
  it('find a proposal by id, with its municipality as a reference for the gateway to resolve', async () => {
    const r = await run('query($id: ID!) { proposal(id: $id) { title municipality { code } } }', {
      id: proposals[0]!.id,
    });
    expect(r).toEqual({ data: { proposal: { title: 'Bankjes in het Vondelpark', municipality: { code: 'GM0363' } } } });
  });

  it('refuse an id nobody has as not found, and one that is not a proposal id as bad input', async () => {
    expect(codes(await run('{ proposal(id: "gm0363-openstad:proposal:999") { title } }'))).toEqual(['NotFoundError']);
    expect(codes(await run('{ proposal(id: "gm0363-openstad:budget:1") { title } }'))).toEqual(['BadUserInputError']);
  });

  it('list by supports, never listing a removed proposal, and page with the cursor they give', async () => {
    const query = `query($after: String) {
      proposals(first: 2, after: $after, orderBy: MOST_SUPPORTED) {
        edges { node { title } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const first = await run(query);
    expect(first.data.proposals.edges.map((e: any) => e.node.title)).toEqual([
      'Meer groen',
      'Bankjes in het Vondelpark',
    ]);
    expect(first.data.proposals.pageInfo.hasNextPage).toBe(true);
    const second = await run(query, { after: first.data.proposals.pageInfo.endCursor });
    expect(second.data.proposals).toEqual({
      edges: [{ node: { title: 'Fietsenstalling' } }],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
  });

  it('filter by municipality and status', async () => {
    const r = await run(
      '{ proposals(filter: { municipality: "GM0363", status: ACCEPTED }) { edges { node { title } } } }',
    );
    expect(r.data.proposals.edges).toEqual([{ node: { title: 'Meer groen' } }]);
  });

  it('refuse a page larger than 100 and a cursor they did not give as bad input', async () => {
    expect(codes(await run('{ proposals(first: 1000) { edges { cursor } } }'))).toEqual(['BadUserInputError']);
    expect(codes(await run('{ proposals(after: "bm90IG91cnM") { edges { cursor } } }'))).toEqual(['BadUserInputError']);
  });
});
