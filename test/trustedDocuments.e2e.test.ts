/**
 * Trusted documents over HTTP, with fetch as a client: the manifest graphql-codegen writes from
 * operations/ (client/generated/persisted-documents.json), sent by id by GET and POST, in each mode
 * of INSPRAAK_TRUSTED_DOCUMENTS.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRegistry } from '../services/core/registry';
import { DEFAULT_MANIFEST } from '../services/gateway/trustedDocuments';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';

const manifest = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(DEFAULT_MANIFEST, 'utf8')) as Record<string, string>).map(([key, text]) => [
    key.replace(/^sha256:/, ''),
    text,
  ]),
);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The manifest's id of the operation named `name`. */
const idOf = (name: string) => {
  const entry = Object.entries(manifest).find(([, text]) => new RegExp(`^query ${name}\\b`).test(text));
  if (!entry) throw new Error(`no ${name} in the manifest`);
  return entry[0];
};
const byId = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });
const ARBITRARY = '{ municipalities(first: 1) { edges { node { name } } } }';

async function get(gw: TestGateway, params: Record<string, unknown>) {
  const search = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const res = await fetch(`${gw.url}?${search}`, { headers: { accept: 'application/json' } });
  return { status: res.status, json: (await res.json()) as any };
}

describe('trusted documents', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshTable('trusted');
    await ensureRegistry(db.doc, db.table);
  });

  it('has a manifest of every operation in operations/, each under the sha256 of its text', () => {
    const files = readdirSync(join(__dirname, '..', 'operations')).filter((f) => f.endsWith('.graphql'));
    expect(
      Object.values(manifest)
        .map((text) => /^query (\w+)/.exec(text)?.[1])
        .sort(),
    ).toEqual(files.map((f) => f.replace(/\.graphql$/, '')).sort());
    for (const [id, text] of Object.entries(manifest)) expect(sha256(text)).toBe(id);
    expect(idOf('MunicipalityOverview')).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('only', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(db, { INSPRAAK_TRUSTED_DOCUMENTS: 'only' });
    });
    afterAll(() => gw?.close());

    it('answers a known id by POST', async () => {
      const res = await gw.post({ ...byId(idOf('MunicipalityBudgets')), variables: { code: 'GM0363' } });
      expect(res.status).toBe(200);
      expect(res.json.errors).toBeUndefined();
      expect(res.json.data.municipality.name).toBe('Amsterdam');
    });

    it('answers a known id by GET', async () => {
      const res = await get(gw, { ...byId(idOf('MunicipalityOverview')), variables: { code: 'GM0363' } });
      expect(res.status).toBe(200);
      expect(res.json.data.municipality.name).toBe('Amsterdam');
    });

    it('answers a manifest document sent as its exact text, as the manifest holds it', async () => {
      const res = await gw.post({ query: manifest[idOf('SourceHealth')] });
      expect(res.status).toBe(200);
      expect(res.json.errors).toBeUndefined();
    });

    it.each([
      ['an unknown id by POST', () => gw.post(byId('0'.repeat(64)))],
      ['an unknown id by GET', () => get(gw, byId('0'.repeat(64)))],
      ['a query that is not in the manifest', () => gw.post({ query: ARBITRARY })],
      ['an APQ registration of a new query', () => gw.post({ query: ARBITRARY, ...byId(sha256(ARBITRARY)) })],
    ])('refuses %s with 400 PERSISTED_QUERY_NOT_TRUSTED', async (_name, send) => {
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.json.data).toBeUndefined();
      expect(res.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    });

    it('does not register what it refused: the id stays unknown', async () => {
      await gw.post({ query: ARBITRARY, ...byId(sha256(ARBITRARY)) });
      const res = await gw.post(byId(sha256(ARBITRARY)));
      expect(res.status).toBe(400);
    });
  });

  describe('ids-and-open', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(db, { INSPRAAK_TRUSTED_DOCUMENTS: 'ids-and-open' });
    });
    afterAll(() => gw?.close());

    it('answers a known id by GET and any other query as well', async () => {
      const known = await get(gw, { ...byId(idOf('MunicipalityOverview')), variables: { code: 'GM0363' } });
      expect(known.status).toBe(200);
      expect(known.json.data.municipality.name).toBe('Amsterdam');
      const open = await gw.post({ query: ARBITRARY });
      expect(open.status).toBe(200);
      expect(open.json.data.municipalities.edges).toHaveLength(1);
    });
  });

  describe('off (the default)', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(db);
    });
    afterAll(() => gw?.close());

    it('runs any query, and an id it was never sent is APQ\'s "send the text"', async () => {
      expect((await gw.post({ query: ARBITRARY })).status).toBe(200);
      const res = await gw.post(byId(idOf('MunicipalityOverview')));
      expect(res.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });
});
