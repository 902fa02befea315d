/**
 * Bulk exports over HTTP, as a researcher downloads them: every kind in NDJSON and CSV, streamed, with
 * exactly the items the API lists.
 */
import { parse } from 'csv-parse/sync';
import { ensureRegistry } from '../services/core/registry';
import { EXPORT_KINDS } from '../services/gateway/exportBulk';
import { aBudget, aProject, aProposal, aSource } from './support/builders';
import { freshTable } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

describe('bulk exports', () => {
  let gw: TestGateway;
  const budgets = [aBudget(1), aBudget(2), aBudget(3)];
  const projects = [aProject(budgets[0]!, 0), aProject(budgets[0]!, 1), aProject(budgets[2]!, 0)];

  beforeAll(async () => {
    const db = await freshTable('exports');
    await ensureRegistry(db.doc, db.table);
    await seed(db, {
      sources: [aSource()],
      proposals: [
        ...Array.from({ length: 130 }, (_, n) =>
          aProposal(n, {
            tags: [
              { name: 'Groen', kind: 'THEME' },
              { name: 'Fiets', kind: 'FREE' },
            ],
          }),
        ),
        aProposal(999, { removedAt: '2026-01-02T00:00:00.000Z' }),
      ],
      budgets,
      projects,
    });
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());

  const get = (path: string) => fetch(new URL(path, gw.url));

  /** How many items the API lists, paged as a client would. */
  async function listed(kind: string): Promise<number> {
    if (kind === 'budget-projects') {
      let n = 0;
      for (const b of budgets) {
        const { json } = await gw.post({
          query: `{ budget(id: "${b.id}") { projects(first: 100) { edges { cursor } } } }`,
        });
        n += json.data.budget.projects.edges.length;
      }
      return n;
    }
    let count = 0;
    let after: string | null = null;
    do {
      const { json }: { json: any } = await gw.post({
        query: `query($after: String) { ${kind}(first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
        variables: { after },
      });
      count += json.data[kind].edges.length;
      after = json.data[kind].pageInfo.hasNextPage ? json.data[kind].pageInfo.endCursor : null;
    } while (after);
    return count;
  }

  it.each(Object.keys(EXPORT_KINDS))('exports %s as NDJSON and CSV, as many as the API lists', async (kind) => {
    const expected = await listed(kind);
    expect(expected).toBeGreaterThan(0);

    const ndjson = await get(`/export/${kind}.ndjson`);
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(ndjson.headers.get('transfer-encoding')).toBe('chunked'); // streamed, not buffered
    const lines = (await ndjson.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(expected);

    const csv = await get(`/export/${kind}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parse(await csv.text()) as string[][];
    expect(header).toEqual(EXPORT_KINDS[kind]!.columns);
    expect(rows).toHaveLength(expected);
  });

  it('leaves out removed items and flattens lists and nested fields in CSV', async () => {
    const ndjson = (await (await get('/export/proposals.ndjson')).text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ndjson.map((p) => p.id)).not.toContain(aProposal(999).id);
    expect(ndjson[0]).toMatchObject({
      municipality: { code: 'GM0363' },
      provenance: { source: { id: 'gm0363-openstad' } },
    });
    const [header, ...rows] = parse(await (await get('/export/proposals.csv')).text()) as string[][];
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({
      'tags[].name': 'Groen; Fiets',
      'municipality.code': 'GM0363',
      'provenance.platform': 'OPENSTAD',
    });
  });

  it.each(['/export/voters.csv', '/export/proposals.json', '/export/..%2Fproposals.csv'])(
    'answers %s with 404',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toMatch(/\/export\/proposals\.ndjson/);
    },
  );
});
