/**
 * Every client mistake is a 4xx with a code, before any subgraph call, and is never logged as an
 * internal error (which would trip the 5xx alarm): the cases of issue #11, over HTTP.
 */
import { createHash } from 'node:crypto';
import { ensureRegistry } from '../services/core/registry';
import { aProposal } from './support/builders';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('client mistakes', () => {
  let db: TestDb;
  let gw: TestGateway;
  const logged: string[] = [];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    db = await freshTable('mistakes');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { proposals: [aProposal(1)] });
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());
  beforeEach(() => {
    logged.length = 0;
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  const cases: [string, Record<string, unknown>, string][] = [
    [
      'two operations without operationName',
      { query: 'query A { __typename } query B { __typename }' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'an operationName the document lacks',
      { query: 'query A { __typename }', operationName: 'B' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['a mutation', { query: 'mutation { __typename }' }, 'OPERATION_NOT_SUPPORTED'],
    ['a subscription', { query: 'subscription { __typename }' }, 'OPERATION_NOT_SUPPORTED'],
    [
      'a Float literal of 1e309',
      { query: '{ search(filter: { near: { latitude: 1e309, longitude: 4.9, radiusKm: 5 } }) { totalCount } }' },
      'BAD_USER_INPUT',
    ],
    [
      'createdAfter: "x" as a literal',
      { query: '{ proposals(filter: { createdAfter: "x" }) { edges { cursor } } }' },
      'BAD_USER_INPUT',
    ],
    [
      'createdAfter: "x" in a variable',
      {
        query: 'query($f: ProposalFilter) { proposals(filter: $f) { edges { cursor } } }',
        variables: { f: { createdAfter: 'x' } },
      },
      'BAD_USER_INPUT',
    ],
    ['a source id of 3 KB', { query: `{ source(id: "${'a'.repeat(3000)}") { name } }` }, 'BAD_USER_INPUT'],
    [
      'a source id of 3 KB in a variable',
      { query: 'query($id: ID!) { source(id: $id) { name } }', variables: { id: 'a'.repeat(3000) } },
      'BAD_USER_INPUT',
    ],
    [
      'a search text of 10 KB in a variable',
      { query: 'query($q: String) { search(query: $q) { totalCount } }', variables: { q: 'park '.repeat(2000) } },
      'BAD_USER_INPUT',
    ],
    [
      'an APQ hash that does not match the query',
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } },
      'PERSISTED_QUERY_HASH_MISMATCH',
    ],
  ];

  it.each(cases)('%s: 400 with a code, no subgraph call, nothing logged as an error', async (_name, body, code) => {
    db.calls.length = 0;
    const res = await gw.post(body);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe(code);
    expect(res.json.data).toBeUndefined();
    // The response cache reads the data version (one GetItem) first; nothing else may touch the table.
    expect(db.calls.filter((c) => c !== 'GetItemCommand')).toEqual([]);
    expect(res.text).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|at .*\.(ts|js):\d+/);
    expect(logged.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });

  describe("graphql-cop's probes", () => {
    it.each([
      ['101 aliases of __typename', `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
      ['16 aliases of __typename', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
      ['500 copies of __typename', `{ ${'__typename '.repeat(500)}}`],
      ['four copies of one field', '{ proposals(first: 1) { edges { cursor cursor cursor cursor } } }'],
    ])('refuses %s with one validation error, before execution', async (_name, query) => {
      const res = await gw.post({ query });
      expect(res.status).toBe(400);
      expect(res.json.data).toBeUndefined();
      expect(res.json.errors).toHaveLength(1);
      expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('answers ten repeated unknown directives with a bounded number of errors', async () => {
      const res = await gw.post({ query: `{ __typename ${'@aa'.repeat(10)} }` });
      expect(res.status).toBe(400);
      expect(res.json.errors).toHaveLength(5);
      expect(res.json.errors[4].message).toBe('6 more errors like these are left out.');
    });

    it('still lets a query select a field three times, and alias fifteen', async () => {
      const res = await gw.post({
        query: `{ __typename __typename __typename ${Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      });
      expect(res.status).toBe(200);
      expect(res.json.data.a14).toBe('Query');
    });
  });

  it('refuses a malformed source id inside the subgraph too, before DynamoDB', async () => {
    db.calls.length = 0;
    const res = await gw.post({ query: '{ source(id: "Not A Source!") { name } }' });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ source: null });
    expect(res.json.errors[0]).toMatchObject({ path: ['source'], extensions: { code: 'BAD_USER_INPUT' } });
    // The response cache reads the data version (one GetItem) first; nothing else may touch the table.
    expect(db.calls.filter((c) => c !== 'GetItemCommand')).toEqual([]);
  });

  it('still answers an APQ request whose hash matches', async () => {
    const query = '{ proposals(first: 1) { edges { node { id } } } }';
    const res = await gw.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(res.status).toBe(200);
    expect(res.json.data.proposals.edges).toHaveLength(1);
  });
});
