/**
 * The adapter contract: what every platform adapter of the registry promises, checked against its
 * platform's simulated installation (dev/simulators/index.ts) through the real harvest run and DynamoDB
 * Local. A new platform runs this suite by being registered; nothing here names a platform.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { SIMULATORS } from '../../../../dev/simulators';
import type { SimServer } from '../../../../dev/simulators/simServer';
import { freshTable, type TestDb } from '../../../../test/support/db';
import { keysOf, PERSONAL_KEYS } from '../../../../test/support/personalKeys';
import { ensureRegistry } from '../../../core/registry';
import { parseSources, type SourceConfig } from '../../config';
import { harvestSource } from '../../harvestSource';
import { PoliteHttpClient } from '../../http/HttpClient';
import { harvestDeps } from '../../runtime';
import { existingItems, getSource } from '../../store/HarvestStore';
import { PLATFORM_ADAPTERS } from '..';

describe.each(PLATFORM_ADAPTERS.map((a) => [a.platform]))('the %s adapter, by the adapter contract', (platform) => {
  let server: SimServer;
  let db: TestDb;
  let source: SourceConfig;
  const deps = () =>
    harvestDeps(db, {
      http: (s) =>
        new PoliteHttpClient({
          baseUrl: s.baseUrl,
          timeoutMs: 2000,
          maxResponseBytes: s.maxResponseBytes,
          requestsPerMinute: 60_000,
          retries: 1,
          backoffMs: 10,
        }),
    });
  const stored = async () => {
    const out: Record<string, { live: number; removed: number }> = {};
    for (const kind of ['proposal', 'budget', 'project'] as const) {
      const items = [...(await existingItems(db, source.id, kind)).values()];
      out[kind] = { live: items.filter((i) => !i.removed).length, removed: items.filter((i) => i.removed).length };
    }
    return out;
  };

  beforeAll(async () => {
    const simulator = SIMULATORS[platform];
    server = await simulator.start();
    db = await freshTable(`contract-${platform}`);
    await ensureRegistry(db.doc, db.table);
    [source] = parseSources([simulator.sourceEntry(server, `contract-${platform}`)], 'test') as [SourceConfig];
  });
  afterAll(() => server.close());

  it('writes what the installation holds on the first harvest', async () => {
    const report = await harvestSource(deps(), source);
    expect(report).toMatchObject({ state: 'OK', error: null, issues: [], tombstoned: 0 });
    expect(report.written).toBeGreaterThan(0);
    const counts = await stored();
    const live = counts.proposal!.live + counts.budget!.live + counts.project!.live;
    expect(live).toBe(report.written);
  });

  it('writes nothing when a second harvest finds nothing changed', async () => {
    const before = await stored();
    const report = await harvestSource(deps(), source);
    expect(report).toMatchObject({ state: 'OK', written: 0, tombstoned: 0 });
    expect(report.unchanged).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
  });

  it('marks the source FAILING on a fault and keeps what it stored', async () => {
    const before = await stored();
    const lastSuccessAt = (await getSource(db, source.id))!.harvest.lastSuccessAt;
    server.setFault({ kind: 'status', status: 500 });
    try {
      const report = await harvestSource(deps(), source);
      expect(report).toMatchObject({ state: 'FAILING', written: 0, tombstoned: 0 });
      expect(report.error).toMatch(/HTTP 500/);
    } finally {
      server.setFault(null);
    }
    expect(await stored()).toEqual(before);
    expect((await getSource(db, source.id))!.harvest).toMatchObject({ state: 'FAILING', lastSuccessAt });
  });

  it('stores no voter, author or IP address keys', async () => {
    const items = (await db.doc.send(new ScanCommand({ TableName: db.table }))).Items ?? [];
    const harvested = items.filter((i) => String(i.sourceId ?? i.doc?.provenance?.sourceId ?? '') === source.id);
    expect(harvested.length).toBeGreaterThan(0);
    const keys = keysOf(harvested);
    expect(PERSONAL_KEYS.filter((k) => keys.has(k))).toEqual([]);
  });
});
