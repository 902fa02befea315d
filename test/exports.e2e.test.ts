/**
 * Bulk exports over HTTP, as a researcher downloads them: every kind in NDJSON and CSV, streamed, with
 * exactly the items the API lists.
 */
import { parse } from 'csv-parse/sync';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  budgetExportKey,
  type ExportObjectHeaders,
  type ExportSink,
  writeExports,
} from '../services/gateway/exportJob';
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

  it('serves each export gzipped at .gz, the same bytes as the plain file', async () => {
    for (const file of ['proposals.csv', 'budget-projects.ndjson']) {
      const gz = await get(`/export/${file}.gz`);
      expect(gz.status).toBe(200);
      expect(gz.headers.get('content-type')).toBe('application/gzip');
      expect(gz.headers.get('content-disposition')).toBe(`attachment; filename="inspraak-${file}.gz"`);
      const unzipped = gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8');
      expect(unzipped).toBe(await (await get(`/export/${file}`)).text());
    }
  });

  it('writes through the export job the same files the route streams, each budget as .pb, and removes stale .pb files', async () => {
    const written = new Map<string, { body: string | Buffer; headers: ExportObjectHeaders }>();
    const removed: string[] = [];
    const sink: ExportSink = {
      put: async (key, body, headers) => {
        const bytes = 'path' in body ? await readFile(body.path) : body.text;
        written.set(key, { body: bytes, headers });
        return Buffer.byteLength(bytes);
      },
      remove: async (key) => {
        removed.push(key);
      },
    };
    const dir = await mkdtemp(join(tmpdir(), 'inspraak-export-test-'));
    const stale = budgetExportKey('gm0000-gone:budget:1');
    const manifest = await writeExports(gw.apollo, sink, dir, 7, {
      dataVersion: 6,
      writtenAt: new Date(0).toISOString(),
      files: {},
      budgetFiles: [stale, budgetExportKey(budgets[0]!.id)],
    }).finally(() => rm(dir, { recursive: true, force: true }));
    expect(removed).toEqual([stale]);
    expect(manifest.dataVersion).toBe(7);
    expect(manifest.budgetFiles.sort()).toEqual(budgets.map((b) => budgetExportKey(b.id)).sort());
    expect(manifest.files['proposals.ndjson']).toMatchObject({ items: 130 });
    expect(manifest.files['budget-projects.csv.gz']).toMatchObject({ items: projects.length });
    for (const file of ['proposals.ndjson', 'sources.csv']) {
      const object = written.get(`export/${file}`)!;
      expect(object.body.toString()).toBe(await (await get(`/export/${file}`)).text());
      expect(object.headers.cacheControl).toMatch(/max-age=/);
    }
    const gz = written.get('export/municipalities.csv.gz')!;
    expect(gunzipSync(gz.body as Buffer).toString()).toBe(await (await get('/export/municipalities.csv')).text());
    expect(gz.headers.contentType).toBe('application/gzip');
    const pb = written.get(budgetExportKey(budgets[0]!.id))!;
    expect(String(pb.body)).toBe(await (await get(`/export/budgets/${encodeURIComponent(budgets[0]!.id)}.pb`)).text());
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
