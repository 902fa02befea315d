import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchPut } from '../../core/dynamo/batchWrite';
import { proposalItem } from '../../core/dynamo/items';
import type { Proposal } from '../../core/model';
import { aProposal } from '../../../test/support/builders';
import { freshTable, type TestDb } from '../../../test/support/db';
import { seed } from '../../../test/support/seed';
import type { SearchEngine } from '../engine/SearchEngine';
import { searchIndexOver } from '../subgraph';

const T0 = '2026-03-01T12:00:00.000Z';
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const proposal = (n: number, title: string, harvestedAt: string): Proposal =>
  aProposal(n, {
    title,
    provenance: {
      sourceId: 'gm0363-openstad',
      platform: 'OPENSTAD',
      upstreamId: String(n),
      upstreamReference: null,
      harvestedAt,
    },
  });
const find = (engine: SearchEngine, word: string) =>
  engine
    .search({ words: [word], criteria: {}, order: 'RELEVANCE', after: null, limit: 10, facets: false })
    .hits.map((h) => h.id);

let db: TestDb;
beforeEach(async () => {
  db = await freshTable('search-live');
  await seed(db, { proposals: [proposal(1, 'Zebrapad bij de school', T0)] });
});

describe('the live search index', () => {
  it('picks up a write dated before the last change it saw, as a long harvest run makes', async () => {
    const index = searchIndexOver(db);
    const blind = searchIndexOver(db, { overlapMs: 1 });
    await Promise.all([index.load(), blind.load()]);
    // A run that started 10 minutes before the last change wrote its item only now.
    await seed(db, { proposals: [proposal(2, 'Drinkwaterpunt op het plein', at(T0, -10))] });
    await Promise.all([index.refresh(), blind.refresh()]);
    expect(find(await index.load(), 'drinkwaterpunt')).toEqual([proposal(2, '', T0).id]);
    // Without the overlap the write is missed: the reason the overlap exists.
    expect(find(await blind.load(), 'drinkwaterpunt')).toEqual([]);
  });

  it('refreshes on a request once the index is older than the interval, as a Lambda does', async () => {
    let now = Date.parse(T0);
    const index = searchIndexOver(db, { refreshIntervalMs: 60_000, now: () => now });
    await index.current();
    await seed(db, { proposals: [proposal(3, 'Geveltuinen in de straat', at(T0, 1))] });
    now += 30_000;
    expect(find(await index.current(), 'geveltuinen')).toEqual([]);
    now += 31_000;
    expect(find(await index.current(), 'geveltuinen')).toEqual([proposal(3, '', T0).id]);
  });

  it('starts from a snapshot and catches up with the change feed, removals included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-snapshot-'));
    try {
      const path = join(dir, 'index.snapshot');
      await searchIndexOver(db).saveSnapshot(path);
      const zebrapad = proposal(1, 'Zebrapad bij de school', T0);
      await batchPut(db.doc, db.table, [proposalItem({ ...zebrapad, removedAt: at(T0, 2) }, 'PV27')]);
      await seed(db, { proposals: [proposal(4, 'Hondenuitlaatplaats in het park', at(T0, 2))] });
      db.calls.length = 0;
      const restored = searchIndexOver(db, { snapshotPath: path });
      const engine = await restored.current();
      expect(find(engine, 'hondenuitlaatplaats')).toEqual([proposal(4, '', T0).id]);
      expect(find(engine, 'zebrapad')).toEqual([]);
      // Only the change feed was read: two Query calls (proposals, projects), no full load.
      expect(db.calls).toEqual(['QueryCommand', 'QueryCommand']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['of the earlier JSON format', `${JSON.stringify({ v: 1, watermark: {}, budgetDates: [] })}\n{"v":1,"index":{}}`],
    ['cut short', `${JSON.stringify({ v: 2, watermark: {}, budgetDates: [] })}\nISRCH\u0002`],
  ])('loads from DynamoDB when the snapshot is %s', async (_name, content) => {
    const dir = mkdtempSync(join(tmpdir(), 'search-snapshot-'));
    try {
      const path = join(dir, 'index.snapshot');
      writeFileSync(path, content);
      const engine = await searchIndexOver(db, { snapshotPath: path }).current();
      expect(find(engine, 'zebrapad')).toEqual([proposal(1, '', T0).id]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
