/**
 * Fault injection: one installation misbehaves while two others harvest normally. The faulty source is
 * marked FAILING (or DEGRADED) with a clear error, the others complete, and nothing stored is lost.
 */
import { startConsulSimulator, type ConsulSimulator } from '../dev/simulators/consul';
import { startDecidimSimulator, type DecidimSimulator } from '../dev/simulators/decidim';
import { startOpenstadSimulator, type OpenstadSimulator } from '../dev/simulators/openstad';
import type { Fault } from '../dev/simulators/simServer';
import { ensureRegistry, provinceIndex } from '../services/core/registry';
import { parseSources, type SourceConfig } from '../services/harvester/config';
import { harvestAll } from '../services/harvester/harvestAll';
import type { SourceReport } from '../services/harvester/harvestSource';
import { PoliteHttpClient } from '../services/harvester/http/HttpClient';
import { harvestDeps } from '../services/harvester/runtime';
import { dynamoHarvestStore } from '../services/harvester/store/HarvestStore';
import { freshTable, type TestDb } from './support/db';
import { closedPort } from './support/ports';

type Platform = 'consul' | 'decidim' | 'openstad';

describe('harvesting through faults', () => {
  let consul: ConsulSimulator;
  let decidim: DecidimSimulator;
  let openstad: OpenstadSimulator;
  let sources: Record<Platform, SourceConfig>;

  beforeAll(async () => {
    consul = await startConsulSimulator({ municipality: 'GM0106' });
    decidim = await startDecidimSimulator({ municipality: 'GM0599', version: '0.31', rateLimitPerMinute: 10_000 });
    openstad = await startOpenstadSimulator({ municipality: 'GM0518' });
    const [c, d, o] = parseSources(
      [
        {
          id: 'gm0106-consul',
          municipality: 'GM0106',
          platform: 'consul',
          baseUrl: consul.url,
          timeoutMs: 500,
          maxResponseBytes: 2_000_000,
        },
        {
          id: 'gm0599-decidim',
          municipality: 'GM0599',
          platform: 'decidim',
          baseUrl: decidim.url,
          timeoutMs: 500,
          maxResponseBytes: 2_000_000,
        },
        {
          id: 'gm0518-openstad',
          municipality: 'GM0518',
          platform: 'openstad',
          baseUrl: openstad.url,
          projectId: 7,
          generation: 'headless',
          timeoutMs: 500,
          // A small cap, so that the 50 MB answer meets it long before the 500 ms timeout on a busy machine.
          maxResponseBytes: 2_000_000,
        },
      ],
      'test',
    ) as [SourceConfig, SourceConfig, SourceConfig];
    sources = { consul: c, decidim: d, openstad: o };
  });
  afterAll(async () => {
    await Promise.all([consul.close(), decidim.close(), openstad.close()]);
  });

  const sim = (p: Platform) => ({ consul, decidim, openstad })[p];

  /** Harvests all three; the client retries quickly so that the test stays short. */
  async function harvest(db: TestDb, list: SourceConfig[]): Promise<Record<string, SourceReport>> {
    const deps = harvestDeps(db, {
      http: (s) =>
        new PoliteHttpClient({
          baseUrl: s.baseUrl,
          timeoutMs: s.timeoutMs,
          maxResponseBytes: s.maxResponseBytes,
          requestsPerMinute: 60_000,
          retries: 2,
          backoffMs: 20,
          maxRetryAfterMs: 5000,
        }),
    });
    const reports = await harvestAll(deps, list, { concurrency: 3 });
    return Object.fromEntries(reports.map((r) => [r.sourceId, r]));
  }

  async function stored(db: TestDb, sourceId: string) {
    const counts: number[] = [];
    for (const kind of ['proposal', 'budget', 'project'] as const) {
      counts.push(
        [...(await dynamoHarvestStore(db, provinceIndex()).existingItems(sourceId, kind)).values()].filter(
          (i) => !i.removed,
        ).length,
      );
    }
    return counts;
  }

  /** A clean harvest, the fault, a second harvest; returns the faulty source's report and status. */
  async function withFault(
    faulty: Platform,
    fault: Fault | null,
    variant: (s: SourceConfig) => SourceConfig = (s) => s,
  ) {
    const db = await freshTable('faults');
    await ensureRegistry(db.doc, db.table);
    const all = Object.values(sources);
    const first = await harvest(db, all);
    expect(Object.values(first).map((r) => r.state)).toEqual(['OK', 'OK', 'OK']);
    const before = await stored(db, sources[faulty].id);
    const lastSuccess = (await dynamoHarvestStore(db, provinceIndex()).getSource(sources[faulty].id))!.harvest
      .lastSuccessAt;

    sim(faulty).setFault(fault);
    let second: Record<string, SourceReport>;
    try {
      second = await harvest(
        db,
        all.map((s) => (s.id === sources[faulty].id ? variant(s) : s)),
      );
    } finally {
      sim(faulty).setFault(null);
    }
    for (const other of (Object.keys(sources) as Platform[]).filter((p) => p !== faulty)) {
      expect(second[sources[other].id]).toMatchObject({ state: 'OK', tombstoned: 0 });
    }
    expect(await stored(db, sources[faulty].id)).toEqual(before);
    const status = (await dynamoHarvestStore(db, provinceIndex()).getSource(sources[faulty].id))!.harvest;
    const report = second[sources[faulty].id]!;
    if (report.state === 'FAILING') expect(status.lastSuccessAt).toBe(lastSuccess);
    return { report, status, before };
  }

  it.each([
    ['a hang', { kind: 'hang' } as Fault, /did not answer within 500 ms/],
    ['500s', { kind: 'status', status: 500 } as Fault, /answered HTTP 500/],
    ['429s that do not stop', { kind: 'rateLimit', retryAfterSeconds: 1, times: 1000 } as Fault, /answered HTTP 429/],
    ['invalid JSON', { kind: 'invalidJson' } as Fault, /not JSON/],
    ['a 50 MB response', { kind: 'huge', bytes: 50 * 1024 * 1024 } as Fault, /more than the cap of \d+ bytes/],
  ])(
    'marks OpenStad FAILING on %s, and keeps what it had',
    async (_name, fault, message) => {
      const { report, status } = await withFault('openstad', fault);
      expect(report.state).toBe('FAILING');
      expect(report.error).toMatch(message);
      expect(status).toMatchObject({ state: 'FAILING', lastError: report.error });
    },
    60_000,
  );

  it('marks a source FAILING when its connection is refused', async () => {
    const port = await closedPort();
    const { report } = await withFault('consul', null, (s) => ({ ...s, baseUrl: `http://127.0.0.1:${port}` }));
    expect(report).toMatchObject({
      state: 'FAILING',
      error: expect.stringMatching(/could not be reached \(ECONNREFUSED\)/),
    });
  }, 60_000);

  it('waits out a 429 with Retry-After and then harvests normally', async () => {
    const { report } = await withFault('decidim', { kind: 'rateLimit', retryAfterSeconds: 1, times: 1 });
    expect(report).toMatchObject({ state: 'OK', error: null, written: 0 });
  }, 60_000);

  it.each(['consul', 'decidim', 'openstad'] as Platform[])(
    'reports schema drift of %s clearly and keeps what it had',
    async (platform) => {
      const { report, status } = await withFault(platform, { kind: 'drift' });
      expect(['FAILING', 'DEGRADED']).toContain(report.state);
      expect(report.error ?? status.lastError).toMatch(/cachedVotesUp|voteCount|records|title|schema|field/i);
    },
    60_000,
  );

  it.each(['consul', 'decidim', 'openstad'] as Platform[])(
    'stops a pagination loop of %s',
    async (platform) => {
      const { report } = await withFault(platform, { kind: 'paginationLoop' });
      expect(report).toMatchObject({ state: 'FAILING', error: expect.stringMatching(/twice|loop|again/i) });
    },
    60_000,
  );

  it('writes nothing when a second harvest finds everything unchanged', async () => {
    const db = await freshTable('idempotent');
    await ensureRegistry(db.doc, db.table);
    await harvest(db, Object.values(sources));
    db.calls.length = 0;
    const second = await harvest(db, Object.values(sources));
    expect(Object.values(second).map((r) => [r.state, r.written, r.tombstoned])).toEqual([
      ['OK', 0, 0],
      ['OK', 0, 0],
      ['OK', 0, 0],
    ]);
    expect(Object.values(second).every((r) => r.unchanged > 0)).toBe(true);
    expect(db.calls.filter((c) => /TransactWrite|BatchWrite|PutItem/.test(c))).toEqual([]);
  }, 60_000);
});
