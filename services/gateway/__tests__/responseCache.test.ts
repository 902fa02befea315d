import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { DataVersion } from '../../core/dynamo/dataVersion';
import { ResponseCache, responseCachePlugin } from '../responseCache';

/** A real Apollo Server over a tiny schema that counts how often it executes. */
async function server() {
  let executions = 0;
  const apollo = new ApolloServer({
    typeDefs: 'type Query { echo(text: String!): String! fails: String slow: String changes: String }',
    resolvers: {
      Query: {
        echo: (_: unknown, { text }: { text: string }) => {
          executions++;
          return text;
        },
        fails: () => {
          executions++;
          throw new GraphQLError('nope', { extensions: { code: 'NOT_FOUND' } });
        },
        changes: () => {
          executions++;
          return new Date().toISOString();
        },
        slow: async () => {
          executions++;
          await new Promise((r) => setTimeout(r, 30));
          return 'done';
        },
      },
    },
    csrfPrevention: false,
    plugins: [responseCachePlugin()],
  });
  await apollo.start();
  return {
    apollo,
    get executions() {
      return executions;
    },
  };
}

const post = (body: unknown, headers: Record<string, string> = {}): HTTPGraphQLRequest => ({
  method: 'POST',
  headers: new HeaderMap(Object.entries({ 'content-type': 'application/json', ...headers })),
  search: '',
  body,
});

describe('ResponseCache', () => {
  let s: Awaited<ReturnType<typeof server>>;
  let version: DataVersion;
  const settings = { maxBytes: 1024 * 1024, maxAgeSeconds: 60, staleWhileRevalidateSeconds: 300, settleMs: 0 };
  beforeAll(async () => {
    s = await server();
  });
  afterAll(() => s.apollo.stop());
  beforeEach(() => {
    version = { value: 1, changedAt: 0 };
  });
  const cacheWith = (overrides: Partial<typeof settings> = {}) =>
    new ResponseCache(async () => version, { ...settings, ...overrides });
  const serve = (cache: ResponseCache, request: HTTPGraphQLRequest) =>
    cache.serve(request, (context) =>
      s.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context }),
    );
  const body = (r: Awaited<ReturnType<typeof serve>>) => (r.body.kind === 'complete' ? r.body.string : '');

  it('answers the same normalised request from the cache until the data version moves', async () => {
    const cache = cacheWith();
    const before = s.executions;
    const first = await serve(cache, post({ query: '{ echo(text: "a") }' }));
    // Whitespace, commas and comments are not part of the key; variables' key order is not either.
    const second = await serve(cache, post({ query: '  {\n echo(text: "a") , } # again' }));
    expect(s.executions - before).toBe(1);
    expect(body(second)).toBe(body(first));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    version = { value: 2, changedAt: 0 };
    const third = await serve(cache, post({ query: '{ echo(text: "a") }' }));
    expect(s.executions - before).toBe(2);
    expect(third.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('shares one execution among identical requests in flight', async () => {
    const cache = cacheWith();
    const before = s.executions;
    const answers = await Promise.all(Array.from({ length: 10 }, () => serve(cache, post({ query: '{ slow }' }))));
    expect(s.executions - before).toBe(1);
    expect(new Set(answers.map(body))).toEqual(new Set(['{"data":{"slow":"done"}}\n']));
  });

  it('never stores an answer with errors, nor gives it an ETag', async () => {
    const cache = cacheWith();
    const before = s.executions;
    for (let i = 0; i < 3; i++) {
      const r = await serve(cache, post({ query: '{ fails }' }));
      expect(JSON.parse(body(r)).errors[0].extensions.code).toBe('NOT_FOUND');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('etag')).toBeUndefined();
    }
    expect(s.executions - before).toBe(3);
    expect(cache.size.entries).toBe(0);
  });

  it('never stores the change feed, whose answer moves with the clock while the version holds', async () => {
    const cache = cacheWith();
    const before = s.executions;
    for (const query of ['{ changes }', 'query Feed { ...F } fragment F on Query { feed: changes }']) {
      for (let i = 0; i < 2; i++) {
        expect((await serve(cache, post({ query }))).headers.get('cache-control')).toBe('no-store');
      }
    }
    expect(s.executions - before).toBe(4);
  });

  it('answers If-None-Match with 304 and no body, without executing', async () => {
    const cache = cacheWith();
    const first = await serve(cache, post({ query: '{ echo(text: "b") }' }));
    const etag = first.headers.get('etag')!;
    const before = s.executions;
    const again = await serve(cache, post({ query: '{ echo(text: "b") }' }, { 'if-none-match': `"x", ${etag}` }));
    expect(again.status).toBe(304);
    expect(body(again)).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(s.executions).toBe(before);
    version = { value: 3, changedAt: 0 };
    const moved = await serve(cache, post({ query: '{ echo(text: "b") }' }, { 'if-none-match': etag }));
    expect(moved.status).toBe(200);
  });

  it('neither stores nor tags answers while the indexes may still be catching up with a change', async () => {
    const cache = cacheWith({ settleMs: 60_000 });
    version = { value: 4, changedAt: Date.now() };
    const r = await serve(cache, post({ query: '{ echo(text: "c") }' }));
    expect(r.headers.get('etag')).toBeUndefined();
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(cache.size.entries).toBe(0);
  });

  it('stays within its cap in bytes under a flood of distinct queries', async () => {
    const maxBytes = 64 * 1024;
    const cache = cacheWith({ maxBytes });
    const text = 'x'.repeat(500);
    for (let i = 0; i < 1000; i++) {
      await serve(cache, post({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: `${i}${text}` } }));
      expect(cache.size.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(cache.size.entries).toBeGreaterThan(10);
    expect(cache.size.entries).toBeLessThan(100);
    // The newest answers are still there: least recently used ones went first.
    const before = s.executions;
    await serve(cache, post({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: `999${text}` } }));
    expect(s.executions).toBe(before);
  });

  it('answers without the cache when the data version cannot be read', async () => {
    const cache = new ResponseCache(async () => null, settings);
    const before = s.executions;
    await serve(cache, post({ query: '{ echo(text: "d") }' }));
    const r = await serve(cache, post({ query: '{ echo(text: "d") }' }));
    expect(s.executions - before).toBe(2);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});
