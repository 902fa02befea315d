/**
 * Cursors over HTTP, as a portal pages with them: opaque (no key attribute names or values), and a
 * tampered, foreign or old-format cursor is the client's mistake (BAD_USER_INPUT), never a 500, and
 * never reaches DynamoDB.
 */
import { ensureRegistry } from '../services/core/registry';
import { aProposal } from './support/builders';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

const PAGE =
  'query($after: String) { proposals(first: 1, after: $after) { edges { cursor node { id } } pageInfo { endCursor } } }';

describe('cursors', () => {
  let db: TestDb;
  let gw: TestGateway;

  beforeAll(async () => {
    db = await freshTable('cursors');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { proposals: [aProposal(1), aProposal(2), aProposal(3)] });
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());

  async function firstCursor(): Promise<string> {
    const res = await gw.post({ query: PAGE });
    expect(res.status).toBe(200);
    return res.json.data.proposals.pageInfo.endCursor;
  }

  it('pages on with the cursor it gave, and the cursor names no key attribute', async () => {
    const cursor = await firstCursor();
    const readable = Buffer.from(cursor, 'base64url').toString('latin1');
    expect(readable).not.toMatch(/pk|sk|kindKey|orderKey|PROPOSAL/);
    const next = await gw.post({ query: PAGE, variables: { after: cursor } });
    expect(next.status).toBe(200);
    expect(next.json.errors).toBeUndefined();
    expect(next.json.data.proposals.edges).toHaveLength(1);
  });

  it.each([
    ['a cursor with one byte changed', (c: string) => c.slice(0, 10) + (c[10] === 'A' ? 'B' : 'A') + c.slice(11)],
    ['a cursor cut short', (c: string) => c.slice(0, c.length - 4)],
    [
      'a cursor of the earlier readable format',
      () => Buffer.from(JSON.stringify({ v: 1, l: 'x', k: { pk: 'PROPOSAL#a', sk: '#' } })).toString('base64url'),
    ],
  ])('answers %s with 400 BAD_USER_INPUT before any subgraph call', async (_name, change) => {
    const bad = change(await firstCursor());
    db.calls.length = 0;
    const res = await gw.post({ query: PAGE, variables: { after: bad } });
    expect(res.status).toBe(400);
    expect(res.json.data).toBeUndefined();
    expect(res.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.json.errors[0].message).toMatch(/cursor|list/);
    expect(res.text).not.toMatch(/INTERNAL_SERVER_ERROR|ValidationException/);
    // The response cache reads the data version (one GetItem); nothing else touches the table.
    expect(db.calls.filter((c) => c !== 'GetItemCommand')).toEqual([]);
  });

  it('checks a cursor written into the query as a literal, too', async () => {
    const res = await gw.post({
      query: '{ proposals(first: 1, after: "AgAAAAAAAAAAAAAAAAAAAAAAAA") { edges { cursor } } }',
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a cursor of another order of the same list with BAD_USER_INPUT at its field', async () => {
    const oldest = await gw.post({ query: '{ proposals(first: 1, orderBy: OLDEST) { pageInfo { endCursor } } }' });
    const res = await gw.post({ query: PAGE, variables: { after: oldest.json.data.proposals.pageInfo.endCursor } });
    expect(res.json.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.json.errors[0].message).toMatch(/different list/);
  });
});
