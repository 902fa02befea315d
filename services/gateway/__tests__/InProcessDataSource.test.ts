import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { InProcessDataSource } from '../dataSources';

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

  it('answers SUBGRAPH_TIMEOUT at the path of each field when the subgraph does not answer in time', async () => {
    jest.useFakeTimers();
    const ds = new InProcessDataSource(subgraph, {
      timeoutMs: 100,
      requestDeadlineMs: 10_000,
      maxResponseBytes: 1 << 20,
    });
    try {
      const slow = ds.process({ kind: 'INCOMING_OPERATION', request: request('{ slow }'), context: {} } as never);
      const failed = expect(slow).resolves.toEqual({
        errors: [
          {
            message: 'The test subgraph did not answer within 100 ms.',
            path: ['slow'],
            extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'test' },
          },
        ],
      });
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

  it('shares one deadline among the calls of a request, and starts no call after it', async () => {
    jest.useFakeTimers();
    const ds = new InProcessDataSource(subgraph, {
      timeoutMs: 1500,
      requestDeadlineMs: 2500,
      maxResponseBytes: 1 << 20,
    });
    const context = {};
    const call = () => ds.process({ kind: 'INCOMING_OPERATION', request: request('{ slow }'), context } as never);
    try {
      const first = call();
      await jest.advanceTimersByTimeAsync(1500);
      expect((await first).errors?.[0]?.message).toBe('The test subgraph did not answer within 1500 ms.');
      const second = call(); // 1000 ms of the request's 2500 are left: its own 1500 ms timeout is cut short
      await jest.advanceTimersByTimeAsync(1000);
      expect((await second).errors?.[0]?.message).toBe('The test subgraph did not answer within 1000 ms.');
      const third = await call();
      expect(third.errors?.[0]).toMatchObject({ path: ['slow'], extensions: { code: 'SUBGRAPH_TIMEOUT' } });
      expect(third.errors?.[0]?.message).toMatch(/ran out before the test subgraph was asked/);
      // Another request has its own deadline.
      const other = ds.process({ kind: 'INCOMING_OPERATION', request: request('{ fast }'), context: {} } as never);
      expect(await other).toEqual({ data: { fast: 'now' } });
    } finally {
      jest.useRealTimers();
    }
  });

  it('shares one subgraph context within a gateway request and never across requests', async () => {
    const ds = new InProcessDataSource(subgraph, {
      timeoutMs: 1000,
      requestDeadlineMs: 10_000,
      maxResponseBytes: 1 << 20,
    });
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
    const ds = new InProcessDataSource(subgraph, {
      timeoutMs: 1000,
      requestDeadlineMs: 10_000,
      maxResponseBytes: 1 << 20,
    });
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
