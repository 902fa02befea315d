/**
 * The adapter contract: what every platform adapter of the registry promises, checked against its
 * platform's simulated installation (dev/simulators/index.ts, in-process: no socket) through the real harvest run, into the
 * in-memory harvest store (which keeps the HarvestStore contract as DynamoDB does; test/privacy.e2e.test.ts
 * scans the real table). A new platform runs this suite by being registered; nothing here names a platform.
 */
import { SIMULATORS } from '../../../../dev/simulators';
import type { SimServer } from '../../../../dev/simulators/simServer';
import { type InMemoryHarvestStore, inMemoryHarvestStore } from '../../../../test/support/fakes/inMemoryHarvestStore';
import { keysOf, PERSONAL_KEYS } from '../../../../test/support/personalKeys';
import { parseSources, type SourceConfig } from '../../config';
import { harvestSource } from '../../harvestSource';
import { PoliteHttpClient } from '../../http/HttpClient';
import { harvestDeps } from '../../runtime';
import { PLATFORM_ADAPTERS } from '..';

describe.each(PLATFORM_ADAPTERS.map((a) => [a.platform]))('the %s adapter, by the adapter contract', (platform) => {
  let server: SimServer;
  let store: InMemoryHarvestStore;
  let source: SourceConfig;
  const deps = () =>
    harvestDeps(store, {
      http: (s) =>
        new PoliteHttpClient({
          baseUrl: s.baseUrl,
          timeoutMs: 2000,
          maxResponseBytes: s.maxResponseBytes,
          requestsPerMinute: 60_000,
          retries: 1,
          backoffMs: 10,
          fetch: server.fetch,
        }),
    });
  const stored = async () => {
    const out: Record<string, { live: number; removed: number }> = {};
    for (const kind of ['proposal', 'budget', 'project'] as const) {
      const items = [...(await store.existingItems(source.id, kind)).values()];
      out[kind] = { live: items.filter((i) => !i.removed).length, removed: items.filter((i) => i.removed).length };
    }
    return out;
  };

  beforeAll(async () => {
    const simulator = SIMULATORS[platform];
    server = await simulator.start({ listen: false });
    store = inMemoryHarvestStore();
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
    const lastSuccessAt = (await store.getSource(source.id))!.harvest.lastSuccessAt;
    server.setFault({ kind: 'status', status: 500 });
    try {
      const report = await harvestSource(deps(), source);
      expect(report).toMatchObject({ state: 'FAILING', written: 0, tombstoned: 0 });
      expect(report.error).toMatch(/HTTP 500/);
    } finally {
      server.setFault(null);
    }
    expect(await stored()).toEqual(before);
    expect((await store.getSource(source.id))!.harvest).toMatchObject({ state: 'FAILING', lastSuccessAt });
  });

  it('stores no voter, author or IP address keys', async () => {
    const records = (['proposal', 'budget', 'project'] as const).flatMap((k) => store.records(k).map((r) => r.record));
    const ballots = store
      .records('budget')
      .map((b) => store.ballotsOf(b.record.id))
      .filter((b) => b !== null);
    expect(records.length).toBeGreaterThan(0);
    const keys = keysOf([...records, ...ballots, await store.getSource(source.id)]);
    expect(PERSONAL_KEYS.filter((k) => keys.has(k))).toEqual([]);
  });
});
