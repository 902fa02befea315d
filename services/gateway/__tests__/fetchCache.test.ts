import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { DataVersion } from '../../core/dynamo/dataVersion';
import { FetchCache } from '../fetchCache';

const ENTITIES =
  'query Q__m__1($representations:[_Any!]!){_entities(representations:$representations){...on Municipality{name}}}';
const ROOT = 'query Q__p__0($first:Int!){proposals(first:$first){edges{node{id}}}}';
const rep = (code: string) => ({ __typename: 'Municipality', code });

/** A subgraph that records what it was asked, names municipalities by code, and fails code "bad". */
function fakeSubgraph() {
  const asked: Record<string, unknown>[] = [];
  const source: GraphQLDataSource = {
    async process({ request }): Promise<GatewayGraphQLResponse> {
      const variables = request.variables ?? {};
      asked.push(variables);
      if (request.query === ROOT) return { data: { proposals: { first: variables.first } } };
      if (!request.query?.includes('_entities')) return { data: { touch: true } };
      const reps = variables.representations as { code: string }[];
      const errors = reps.flatMap((r, i) =>
        r.code === 'bad' ? [{ message: 'broken', path: ['_entities', i, 'name'], extensions: { code: 'X' } }] : [],
      );
      return {
        data: { _entities: reps.map((r) => (r.code === 'bad' ? null : { name: `name of ${r.code}` })) },
        ...(errors.length && { errors }),
      };
    },
  };
  return { source, asked };
}

const fetchOf = (query: string, variables: Record<string, unknown>) =>
  ({ kind: 'incoming operation', request: { query, variables }, context: {} }) as GraphQLDataSourceProcessOptions;

describe('FetchCache', () => {
  let version: DataVersion;
  let now: number;
  beforeEach(() => {
    version = { value: 1, changedAt: 0 };
    now = 10_000;
  });
  const cacheWith = (maxBytes = 1024 * 1024, settleMs = 2000) =>
    new FetchCache(
      async () => version,
      { maxBytes, settleMs },
      () => now,
    );

  it('answers a repeated root fetch from memory, each time with a copy of its own', async () => {
    const { source, asked } = fakeSubgraph();
    const ds = cacheWith().wrap('proposals', source);
    const first = await ds.process(fetchOf(ROOT, { first: 2 }));
    (first.data as any).proposals.first = 'changed by the gateway';
    const again = await ds.process(fetchOf(ROOT, { first: 2 }));
    expect(again).toEqual({ data: { proposals: { first: 2 } } });
    expect(asked).toHaveLength(1);
    await ds.process(fetchOf(ROOT, { first: 3 }));
    expect(asked).toHaveLength(2);
  });

  it('asks the subgraph only for the entities it does not hold, and keeps their order', async () => {
    const { source, asked } = fakeSubgraph();
    const ds = cacheWith().wrap('municipalities', source);
    await ds.process(fetchOf(ENTITIES, { representations: [rep('GM0518'), rep('GM0363')] }));
    const mixed = await ds.process(
      fetchOf(ENTITIES, { representations: [rep('GM0106'), rep('GM0518'), rep('GM0599'), rep('GM0363')] }),
    );
    expect(mixed.data).toEqual({
      _entities: ['GM0106', 'GM0518', 'GM0599', 'GM0363'].map((c) => ({ name: `name of ${c}` })),
    });
    expect(asked[1]).toEqual({ representations: [rep('GM0106'), rep('GM0599')] });
    await ds.process(fetchOf(ENTITIES, { representations: [rep('GM0599'), rep('GM0106')] }));
    expect(asked).toHaveLength(2);
  });

  it('never stores a fetch that answered with errors, and points errors at the entities asked for', async () => {
    const { source, asked } = fakeSubgraph();
    const ds = cacheWith().wrap('municipalities', source);
    await ds.process(fetchOf(ENTITIES, { representations: [rep('GM0518')] }));
    const reps = { representations: [rep('GM0518'), rep('GM0363'), rep('bad')] };
    const failed = await ds.process(fetchOf(ENTITIES, reps));
    expect(failed.errors).toEqual([{ message: 'broken', path: ['_entities', 2, 'name'], extensions: { code: 'X' } }]);
    expect(failed.data).toEqual({ _entities: [{ name: 'name of GM0518' }, { name: 'name of GM0363' }, null] });
    await ds.process(fetchOf(ENTITIES, reps));
    // GM0363 came with an error in the same answer: asked again, like the failing one.
    expect(asked.slice(1)).toEqual([
      { representations: [rep('GM0363'), rep('bad')] },
      { representations: [rep('GM0363'), rep('bad')] },
    ]);
  });

  it('asks again once the data version moves, and stores nothing while it settles', async () => {
    const { source, asked } = fakeSubgraph();
    const ds = cacheWith().wrap('proposals', source);
    await ds.process(fetchOf(ROOT, { first: 1 }));
    await ds.process(fetchOf(ROOT, { first: 1 }));
    expect(asked).toHaveLength(1);
    version = { value: 2, changedAt: now - 500 };
    await ds.process(fetchOf(ROOT, { first: 1 }));
    await ds.process(fetchOf(ROOT, { first: 1 }));
    expect(asked).toHaveLength(3);
    now += 2000;
    await ds.process(fetchOf(ROOT, { first: 1 }));
    await ds.process(fetchOf(ROOT, { first: 1 }));
    expect(asked).toHaveLength(4);
  });

  it('answers without caching when the version cannot be read, and passes mutations through', async () => {
    const { source, asked } = fakeSubgraph();
    const unread = new FetchCache(async () => null, { maxBytes: 1024 * 1024, settleMs: 0 }).wrap('proposals', source);
    await unread.process(fetchOf(ROOT, { first: 1 }));
    await unread.process(fetchOf(ROOT, { first: 1 }));
    expect(asked).toHaveLength(2);
    const ds = cacheWith().wrap('proposals', source);
    const mutation = 'mutation M { touch }';
    await ds.process(fetchOf(mutation, {}));
    await ds.process(fetchOf(mutation, {}));
    expect(asked).toHaveLength(4);
  });

  it('never stores a fetch of the change feed, whose answer moves with the clock', async () => {
    const { source, asked } = fakeSubgraph();
    const ds = cacheWith().wrap('municipalities', source);
    const feed = 'query Q__municipalities__0{changes(first:5){edges{cursor}}}';
    await ds.process(fetchOf(feed, {}));
    await ds.process(fetchOf(feed, {}));
    expect(asked).toHaveLength(2);
  });

  it('stays within its cap under a flood of distinct entities', async () => {
    const { source } = fakeSubgraph();
    const cache = cacheWith(64 * 1024);
    const ds = cache.wrap('municipalities', source);
    for (let i = 0; i < 200; i++) {
      await ds.process(
        fetchOf(ENTITIES, { representations: Array.from({ length: 10 }, (_, j) => rep(`GM${i}-${j}`)) }),
      );
    }
    expect(cache.size.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(cache.size.entries).toBeGreaterThan(50);
    expect(cache.size.entries).toBeLessThan(2000);
  });
});
