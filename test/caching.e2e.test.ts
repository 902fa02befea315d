/**
 * HTTP caching end to end: a simulated installation, a real harvest, the gateway with its response
 * cache over HTTP. A cached answer, an ETag or a GET never outlives a harvest that changed the data; GET
 * queries and APQ hashes by GET work; errors are never cacheable; graphql-http's audits pass.
 */
import { createHash } from 'node:crypto';
import { serverAudits } from 'graphql-http';
import { startOpenstadSimulator, type OpenstadSimulator } from '../dev/simulators/openstad';
import { ensureRegistry } from '../services/core/registry';
import { parseSources, type SourceConfig } from '../services/harvester/config';
import { harvestAll } from '../services/harvester/harvestAll';
import { harvestDeps } from '../services/harvester/runtime';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';

const ID = 'gm0518-openstad-ideeen:proposal:392';
const QUERY = `query Proposal($id: ID!) { proposal(id: $id) { title supportCount } }`;

describe('HTTP caching through a harvest', () => {
  let db: TestDb;
  let sim: OpenstadSimulator;
  let source: SourceConfig;
  let gw: TestGateway;
  /** The same gateway with the fetch cache alone (no response cache in front of it). */
  let fetchOnly: TestGateway;

  const harvest = async () => {
    const [report] = await harvestAll(harvestDeps(db), [source]);
    expect(report!.state).toBe('OK');
  };
  const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const search = new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
    return fetch(`${gw.url}?${search}`, { headers: { accept: 'application/graphql-response+json', ...headers } });
  };
  const variables = { id: ID };

  beforeAll(async () => {
    db = await freshTable('caching');
    await ensureRegistry(db.doc, db.table);
    sim = await startOpenstadSimulator({ municipality: 'GM0518' });
    [source] = parseSources(
      [
        {
          id: 'gm0518-openstad-ideeen',
          municipality: 'GM0518',
          platform: 'openstad',
          baseUrl: sim.url,
          projectId: 6,
          generation: 'headless',
        },
      ],
      'test',
    ) as [SourceConfig];
    await harvest();
    gw = await startTestGateway(db);
    fetchOnly = await startTestGateway(db, { INSPRAAK_RESPONSE_CACHE_MB: '0' });
  });
  afterAll(async () => {
    await gw?.close();
    await fetchOnly?.close();
    await sim?.close();
  });

  it('never serves a cached answer, a 304 or a GET after a harvest changed what it depends on', async () => {
    const first = await get({ query: QUERY, variables });
    expect(first.status).toBe(200);
    const before = (await first.json()) as any;
    expect(before.data.proposal.title).toBe('Meer afvalbakken op de boulevard');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"\d+-[\w-]{22}"$/);

    // From the cache: no DynamoDB read but the data version's.
    db.calls.length = 0;
    const cached = await gw.post({ query: QUERY, variables }, { accept: 'application/graphql-response+json' });
    expect(cached.json).toEqual(before);
    expect(db.calls).toEqual(['GetItemCommand']);
    expect((await get({ query: QUERY, variables }, { 'if-none-match': etag })).status).toBe(304);

    // The fetch cache alone: the proposal and its municipality (an entity fetch) from memory.
    const withPlace = `query P($id: ID!) { proposal(id: $id) { title supportCount municipality { name } } }`;
    const fromSubgraphs = await fetchOnly.post({ query: withPlace, variables });
    expect(fromSubgraphs.json.data.proposal.title).toBe('Meer afvalbakken op de boulevard');
    db.calls.length = 0;
    expect((await fetchOnly.post({ query: withPlace, variables })).json).toEqual(fromSubgraphs.json);
    expect(db.calls).toEqual(['GetItemCommand']);

    // The installation changes; the next harvest writes it and advances the data version.
    const seed = structuredClone(sim.seed);
    const resource = seed.projects.find((p) => p.id === 6)!.resources.find((r) => r.id === 392)!;
    resource.title = 'Nog meer afvalbakken op de boulevard';
    resource.yes = 150;
    sim.setSeed(seed);
    await harvest();

    const revalidated = await get({ query: QUERY, variables }, { 'if-none-match': etag });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('etag')).not.toBe(etag);
    expect(((await revalidated.json()) as any).data.proposal).toEqual({
      title: 'Nog meer afvalbakken op de boulevard',
      supportCount: 150,
    });
    expect((await gw.post({ query: QUERY, variables })).json.data.proposal.title).toBe(
      'Nog meer afvalbakken op de boulevard',
    );
    const fresh = (await fetchOnly.post({ query: withPlace, variables })).json.data.proposal;
    expect(fresh).toMatchObject({ title: 'Nog meer afvalbakken op de boulevard', supportCount: 150 });
  });

  it('marks answers cacheable with Cache-Control and an ETag, on GET and on POST alike', async () => {
    const byGet = await get({ query: QUERY, variables });
    const byPost = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: QUERY, variables }),
    });
    for (const res of [byGet, byPost]) {
      expect(res.status).toBe(200);
      // 15-minute harvests by default: a minute fresh, five more minutes stale while revalidating.
      expect(res.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
      expect(res.headers.get('vary')).toMatch(/accept/);
    }
    expect(byPost.headers.get('etag')).toBe(byGet.headers.get('etag'));
    const notModified = await fetch(gw.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        'if-none-match': byPost.headers.get('etag')!,
      },
      body: JSON.stringify({ query: QUERY, variables }),
    });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
  });

  it('accepts APQ hashes by GET once the query is known', async () => {
    const query = '{ municipality(code: "GM0518") { name province { name } } }';
    const hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const unknown = await get({ extensions });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect((await get({ query, extensions })).status).toBe(200);
    const byHash = await get({ extensions });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as any).data.municipality.name).toBe("'s-Gravenhage");
    expect(byHash.headers.get('etag')).toBeTruthy();
  });

  it.each([
    ['a validation error', '{ proposal(id: "x") { nope } }', 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['a missing item', `{ proposal(id: "${ID.replace('392', '999999')}") { title } }`, 200, 'NOT_FOUND'],
  ])('never caches an answer with %s', async (_name, query, status, code) => {
    for (let i = 0; i < 2; i++) {
      db.calls.length = 0;
      const res = await get({ query });
      expect(res.status).toBe(status);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe(code);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('etag')).toBeNull();
      if (status === 200) expect(db.calls.length).toBeGreaterThan(1);
    }
  });

  it("passes graphql-http's GraphQL-over-HTTP audits with no error, MUST or MAY failing", async () => {
    const results = await Promise.all(serverAudits({ url: gw.url }).map((audit) => audit.fn()));
    const failing = results
      .filter((r) => r.status === 'error' || (r.status === 'warn' && !/^SHOULD/.test(r.name)))
      .map((r) => `${r.status} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failing).toEqual([]);
  });
});
