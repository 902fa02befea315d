import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { InProcessDataSource, SubgraphTimeoutError } from '../dataSources';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { slow: String fast: String calls: Int }
`);

describe('InProcessDataSource', () => {
  let created = 0;
  const subgraph = {
    name: 'test',
    schema: buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Query: {
          slow: () => new Promise((r) => setTimeout(() => r('late'), 2000)),
          fast: () => 'now',
          calls: (_: unknown, __: unknown, ctx: unknown) => ++(ctx as { n: number }).n,
        },
      },
    }),
    createContext: () => {
      created++;
      return { n: 0 };
    },
  };
  const request = (query: string) => ({ query, http: { method: 'POST', url: 'inprocess://test', headers: new Map() } });

  it('fails with SUBGRAPH_TIMEOUT when the subgraph does not answer in time', async () => {
    jest.useFakeTimers();
    const ds = new InProcessDataSource(subgraph, 100);
    try {
      const slow = ds.process({ kind: 'INCOMING_OPERATION', request: request('{ slow }'), context: {} } as never);
      const failed = expect(slow).rejects.toThrow(SubgraphTimeoutError);
      await jest.advanceTimersByTimeAsync(99);
      await jest.advanceTimersByTimeAsync(1); // the timeout, on the fake clock; the resolver's 2 s never pass
      await failed;
    } finally {
      jest.useRealTimers();
    }
    await expect(
      ds.process({ kind: 'INCOMING_OPERATION', request: request('{ fast }'), context: {} } as never),
    ).resolves.toEqual({ data: { fast: 'now' } });
  });

  it('shares one subgraph context within a gateway request and never across requests', async () => {
    const ds = new InProcessDataSource(subgraph, 1000);
    created = 0;
    const one = {};
    const two = {};
    const call = (context: object) =>
      ds.process({ kind: 'INCOMING_OPERATION', request: request('{ calls }'), context } as never);
    expect(await call(one)).toEqual({ data: { calls: 1 } });
    expect(await call(one)).toEqual({ data: { calls: 2 } });
    expect(await call(two)).toEqual({ data: { calls: 1 } });
    expect(created).toBe(2);
  });

  it('runs identical queries in flight at once only once, handing each request its own copy', async () => {
    const ds = new InProcessDataSource(subgraph, 1000);
    created = 0;
    const call = (context: object) =>
      ds.process({ kind: 'INCOMING_OPERATION', request: request('{ calls fast }'), context } as never);
    const answers = await Promise.all([call({}), call({}), call({})]);
    expect(created).toBe(1);
    expect(answers).toEqual([0, 1, 2].map(() => ({ data: { calls: 1, fast: 'now' } })));
    expect(new Set(answers.map((a) => a.data)).size).toBe(3);
    // Once settled, nothing is kept: the next request runs again.
    expect(await call({})).toEqual({ data: { calls: 1, fast: 'now' } });
    expect(created).toBe(2);
  });
});
