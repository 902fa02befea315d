/**
 * End to end over HTTP: the composed supergraph, the gateway and all three subgraphs in-process, on
 * DynamoDB Local.
 */
import { ensureRegistry } from '../services/core/registry';
import { aBudget, aProject, aProposal, aSource } from './support/builders';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

const CODES = ['GM0363', 'GM0518', 'GM0599', 'GM0344', 'GM0106'];

describe('the gateway, end to end over HTTP', () => {
  let db: TestDb;
  let gw: TestGateway;
  const budget = aBudget(1, {
    municipalityCode: 'GM0518',
    provenance: { ...aBudget(1).provenance, sourceId: 'gm0518-openstad' },
  });

  beforeAll(async () => {
    db = await freshTable('e2e');
    await ensureRegistry(db.doc, db.table);
    const proposals = Array.from({ length: 60 }, (_, n) =>
      aProposal(n, {
        municipalityCode: CODES[n % CODES.length]!,
        provenance: {
          sourceId: 'gm0518-openstad',
          platform: 'OPENSTAD',
          upstreamId: String(n),
          upstreamReference: null,
          harvestedAt: '2026-01-01T00:00:00.000Z',
        },
      }),
    );
    await seed(db, {
      sources: [aSource({ id: 'gm0518-openstad', municipalityCode: 'GM0518', name: 'Den Haag Begroot' })],
      proposals,
      budgets: [budget],
      projects: [aProject(budget, 0, { proposalId: proposals[0]!.id }), aProject(budget, 1)],
    });
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());

  it('answers one query spanning municipalities → proposals → budgets → proposals', async () => {
    const { status, json } = await gw.post({
      query: `{
        municipality(code: "GM0518") {
          name province { code name }
          sources { edges { node { id name platform harvest { state } } } }
          proposals(first: 2, orderBy: MOST_SUPPORTED) { edges { node { id title municipality { name } } } }
          budgets { edges { node { title total { amountMinor currency formatted }
            projects { edges { node { title cost { amountMinor } proposal { title municipality { code } } budget { title } } } } } } }
        }
      }`,
    });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    const m = json.data.municipality;
    expect(m).toMatchObject({ name: "'s-Gravenhage", province: { code: 'PV28', name: 'Zuid-Holland' } });
    expect(m.sources.edges[0].node).toEqual({
      id: 'gm0518-openstad',
      name: 'Den Haag Begroot',
      platform: 'OPENSTAD',
      harvest: { state: 'PENDING' },
    });
    expect(m.proposals.edges.map((e: any) => e.node.municipality.name)).toEqual(["'s-Gravenhage", "'s-Gravenhage"]);
    const b = m.budgets.edges[0].node;
    expect(b.total).toEqual({ amountMinor: 3_000_000, currency: 'EUR', formatted: '€\u00a030.000,00' });
    expect(b.projects.edges[0].node).toEqual({
      title: 'Project 0',
      cost: { amountMinor: 100_000 },
      proposal: { title: 'Voorstel 0', municipality: { code: 'GM0363' } },
      budget: { title: 'Begroting 1' },
    });
    expect(b.projects.edges[1].node.proposal).toBeNull();
  });

  it('resolves the municipalities of 50 proposals in a constant number of DynamoDB round trips', async () => {
    const query = (n: number) => ({
      query: `{ proposals(first: ${n}) { edges { node { title municipality { name province { name } } provenance { source { name } } } } } }`,
    });
    // Without the fetch cache, every entity lookup reaches DynamoDB, batched.
    const uncached = await startTestGateway(db, { INSPRAAK_FETCH_CACHE_MB: '0' });
    try {
      db.calls.length = 0;
      const small = await uncached.post(query(5));
      const smallCalls = db.calls.length;
      db.calls.length = 0;
      const large = await uncached.post(query(50));
      expect(small.json.errors).toBeUndefined();
      expect(large.json.data.proposals.edges).toHaveLength(50);
      expect(new Set(large.json.data.proposals.edges.map((e: any) => e.node.municipality.name)).size).toBe(
        CODES.length,
      );
      // One Query for the list, one BatchGetItem for the municipalities, one for the sources, and the
      // response cache's read of the data version (every request here; every few seconds as shipped).
      expect(db.calls.sort()).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand', 'GetItemCommand', 'QueryCommand']);
      expect(db.calls.length).toBe(smallCalls);
    } finally {
      await uncached.close();
    }
    // As shipped, the entities of the first page are held by the fetch cache: a longer page of the same
    // proposals reads only its list (and the version), and answers the same.
    const first = await gw.post(query(50));
    db.calls.length = 0;
    const longer = await gw.post(query(51));
    expect(db.calls.sort()).toEqual(['GetItemCommand', 'QueryCommand']);
    expect(longer.json.data.proposals.edges.slice(0, 50)).toEqual(first.json.data.proposals.edges);
  });

  it('pages through all proposals with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { json }: { json: any } = await gw.post({
        query:
          'query($after: String) { proposals(first: 25, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        variables: { after },
      });
      seen.push(...json.data.proposals.edges.map((e: any) => e.node.id));
      after = json.data.proposals.pageInfo.hasNextPage ? json.data.proposals.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });

  describe('bad input gets a GraphQL error with a code and the right status, never a 500 or an internal detail', () => {
    const cases: [string, unknown, number, string][] = [
      ['a malformed JSON body', '{"query": "{ municipalities', 400, 'BAD_REQUEST'],
      ['a syntax error', { query: '{ municipalities { ' }, 400, 'GRAPHQL_PARSE_FAILED'],
      [
        'an unknown field',
        { query: '{ municipalities { edges { node { mayor } } } }' },
        400,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      ['first: 1000 in the query', { query: '{ proposals(first: 1000) { edges { cursor } } }' }, 400, 'BAD_USER_INPUT'],
      [
        'first: 1000 nested',
        { query: '{ municipality(code: "GM0363") { proposals(first: 1000) { edges { cursor } } } }' },
        400,
        'BAD_USER_INPUT',
      ],
      [
        'first: 1000 in a variable',
        { query: 'query($n: Int) { budgets(first: $n) { edges { cursor } } }', variables: { n: 1000 } },
        400,
        'BAD_USER_INPUT',
      ],
      [
        'a wrong variable type',
        { query: 'query($n: Int) { budgets(first: $n) { edges { cursor } } }', variables: { n: 'ten' } },
        400,
        'BAD_USER_INPUT',
      ],
      [
        'a query too deep',
        {
          query: `{ municipality(code: "GM0363") { proposals { edges { node { municipality { proposals { edges { node { municipality { proposals { edges { node { id } } } } } } } } } } } } }`,
        },
        400,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      ['no query at all', {}, 400, 'BAD_REQUEST'],
      [
        'a query too costly',
        {
          query:
            '{ municipalities(first: 100) { edges { node { proposals(first: 100) { edges { node { id title } } } } } } }',
        },
        400,
        'COST_LIMIT_EXCEEDED',
      ],
      ['a query of too many tokens', { query: `{ ${'__typename '.repeat(3100)}}` }, 400, 'GRAPHQL_PARSE_FAILED'],
      // refused before any subgraph call (services/gateway/cursorChecks.ts), like the page-size checks above
      ['a forged cursor', { query: '{ proposals(after: "eyJ2IjoxfQ") { edges { cursor } } }' }, 400, 'BAD_USER_INPUT'],
    ];
    it.each(cases)('%s', async (_name, body, status, code) => {
      const res = await gw.post(body);
      expect(res.status).toBe(status);
      expect(res.json.errors[0].extensions.code).toBe(code);
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|127\.0\.0\.1|localhost|stacktrace/i);
    });

    it.each([
      ['a municipality that does not exist', '{ municipality(code: "GM9999") { name } }', 'municipality', 'NOT_FOUND'],
      [
        'a malformed municipality code',
        '{ municipality(code: "Amsterdam") { name } }',
        'municipality',
        'BAD_USER_INPUT',
      ],
      [
        'a proposal that does not exist',
        '{ proposal(id: "gm0363-openstad:proposal:424242") { title } }',
        'proposal',
        'NOT_FOUND',
      ],
      ['a malformed proposal id', '{ proposal(id: "42") { title } }', 'proposal', 'BAD_USER_INPUT'],
      ['a budget that does not exist', '{ budget(id: "gm0363-openstad:budget:9") { title } }', 'budget', 'NOT_FOUND'],
      ['a source that does not exist', '{ source(id: "nope") { name } }', 'source', 'NOT_FOUND'],
      [
        'an unknown province',
        '{ municipalities(filter: { province: "Holland" }) { edges { cursor } } }',
        'municipalities',
        'BAD_USER_INPUT',
      ],
    ])('%s: 200 with a null field and a coded error', async (_name, query, field, code) => {
      const res = await gw.post({ query });
      expect(res.status).toBe(200);
      expect(res.json.data?.[field] ?? null).toBeNull();
      expect(res.json.errors[0].extensions.code).toBe(code);
      expect(res.json.errors[0].path).toEqual([field]);
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|127\.0\.0\.1|stacktrace/i);
    });
  });

  it('logs one JSON line per request with the operation, duration and each subgraph call', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    try {
      await gw.post({
        query: 'query Overview { proposals(first: 2) { edges { node { title municipality { name } } } } }',
        operationName: 'Overview',
      });
    } finally {
      process.env.LOG_LEVEL = level;
      spy.mockRestore();
    }
    const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.message === 'graphql request');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: 'info',
      operationName: 'Overview',
      operationType: 'query',
      status: 200,
      errorCodes: [],
    });
    expect(entries[0].durationMs).toEqual(expect.any(Number));
    expect(entries[0].subgraphCalls.map((c: { subgraph: string }) => c.subgraph).sort()).toEqual([
      'municipalities',
      'proposals',
    ]);
  });

  it('answers CORS preflights and health checks', async () => {
    const pre = await fetch(gw.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    const health = await fetch(gw.url.replace('/graphql', '/health'));
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
