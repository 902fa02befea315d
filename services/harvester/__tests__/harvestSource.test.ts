/**
 * The harvest of one source into the in-memory harvest store, with a scripted adapter standing in for an
 * installation. harvestSource.db.test.ts runs the same run on DynamoDB Local for what only the table shows.
 */
import { anOpenstadSourceConfig, scriptedHarvestDeps } from '../../../test/support/scriptedHarvest';
import type { Proposal } from '../../core/model';
import { aBudget, aProject, aProposal } from '../../../test/support/builders';
import { type InMemoryHarvestStore, inMemoryHarvestStore } from '../../../test/support/fakes/inMemoryHarvestStore';
import type { HarvestContext, HarvestResult, PlatformAdapter } from '../adapter';
import { type SourceConfig } from '../config';
import { harvestSource, type HarvestDeps } from '../harvestSource';
import { planWrites } from '../plan';

const source = anOpenstadSourceConfig();

describe('harvesting one source', () => {
  let store: InMemoryHarvestStore;
  let script: (ctx: HarvestContext) => Promise<HarvestResult>;
  let deps: HarvestDeps;
  let clock = Date.UTC(2026, 10, 1);
  const adapter: PlatformAdapter<SourceConfig> = { platform: 'openstad', harvest: (ctx) => script(ctx) };
  const crawl =
    (proposals: Proposal[], extra: Partial<HarvestResult> = {}) =>
    async () => ({ platformVersion: 'headless', proposals, budgets: [], projects: [], ...extra });
  const listed = async () =>
    store
      .records('proposal')
      .filter((r) => !r.removed)
      .map((r) => r.record);
  const status = async () => (await store.getSource(source.id))!.harvest;

  beforeEach(async () => {
    store = inMemoryHarvestStore();
    clock += 3_600_000;
    deps = scriptedHarvestDeps(store, adapter, () => new Date(clock));
  });

  const three = [1, 2, 3].map((n) => aProposal(n));

  it('writes a first crawl, registers the source and records its status', async () => {
    const budget = aBudget(1);
    script = crawl(three, { budgets: [budget], projects: [aProject(budget, 0), aProject(budget, 1)] });
    const report = await harvestSource(deps, source);
    expect(report).toMatchObject({ state: 'OK', written: 6, unchanged: 0, tombstoned: 0, error: null });
    expect((await listed()).map((p) => p.title)).toEqual(['Voorstel 1', 'Voorstel 2', 'Voorstel 3']);
    expect(await status()).toMatchObject({
      state: 'OK',
      lastError: null,
      itemCounts: { proposals: 3, budgets: 1, budgetProjects: 2 },
    });
    expect(await store.getSource(source.id)).toMatchObject({
      name: 'Amsterdam Begroot',
      platform: 'OPENSTAD',
      platformVersion: 'headless',
    });
  });

  it('writes nothing when a second crawl finds the same content', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    clock += 60_000;
    const writes = store.writeCount;
    const second = await harvestSource(deps, source);
    expect(second).toMatchObject({ state: 'OK', written: 0, unchanged: 3, tombstoned: 0 });
    expect(store.writeCount).toBe(writes);
  });

  it('writes only what changed', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    script = crawl([three[0]!, { ...three[1]!, title: 'Voorstel 2, herzien' }, three[2]!]);
    const report = await harvestSource(deps, source);
    expect(report).toMatchObject({ written: 1, unchanged: 2 });
    expect((await listed()).map((p) => p.title)).toEqual(['Voorstel 1', 'Voorstel 2, herzien', 'Voorstel 3']);
  });

  it('tombstones what a complete crawl no longer lists, and lists it again when it returns', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    script = crawl([three[0]!, three[2]!]);
    expect(await harvestSource(deps, source)).toMatchObject({ state: 'OK', tombstoned: 1, written: 0 });
    expect((await listed()).map((p) => p.id)).toEqual([three[0]!.id, three[2]!.id]);
    const removed = store.records('proposal').find((r) => r.record.id === three[1]!.id)?.record;
    expect(removed?.removedAt).toBe(new Date(clock).toISOString());
    expect((await status()).itemCounts.proposals).toBe(2);

    script = crawl(three);
    expect(await harvestSource(deps, source)).toMatchObject({ written: 1, tombstoned: 0 });
    expect(await listed()).toHaveLength(3);
  });

  it('keeps every stored item and the last success when the installation fails', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    const before = await status();
    script = async () => {
      throw new Error('GET /api/project/1/resource could not be reached (ECONNREFUSED)');
    };
    const report = await harvestSource(deps, source);
    expect(report).toMatchObject({
      state: 'FAILING',
      written: 0,
      tombstoned: 0,
      error: 'GET /api/project/1/resource could not be reached (ECONNREFUSED)',
    });
    expect(await listed()).toHaveLength(3);
    expect(await status()).toMatchObject({
      state: 'FAILING',
      lastSuccessAt: before.lastSuccessAt,
      lastError: report.error,
      itemCounts: before.itemCounts,
    });
  });

  it('skips a bad record, keeps what is stored for it, and marks the source DEGRADED', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    script = async (ctx) => {
      ctx.report({ kind: 'proposal', upstreamId: '2', message: 'resource 2: title is missing' });
      return crawl([three[0]!, { ...three[2]!, supportCount: -4 }, aProposal(4)])();
    };
    const report = await harvestSource(deps, source);
    expect(report.state).toBe('DEGRADED');
    expect(report.issues.map((i) => i.message)).toEqual([
      'resource 2: title is missing',
      expect.stringMatching(/^invalid proposal: supportCount/),
    ]);
    // 2 was reported by id and 3 failed validation: both keep their stored versions; 4 is new.
    expect((await listed()).map((p) => p.id)).toEqual([1, 2, 3, 4].map((n) => aProposal(n).id));
    expect(await status()).toMatchObject({
      state: 'DEGRADED',
      lastError: expect.stringMatching(/2 record\(s\) skipped; first: resource 2/),
    });
  });

  it('tombstones nothing of a kind when a record of that kind could not be identified', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    script = async (ctx) => {
      ctx.report({ kind: 'proposal', upstreamId: null, message: 'a resource without an id' });
      return crawl([three[0]!])();
    };
    expect(await harvestSource(deps, source)).toMatchObject({ state: 'DEGRADED', tombstoned: 0 });
    expect(await listed()).toHaveLength(3);
  });

  it('refuses records that claim another source', async () => {
    script = crawl([
      ...three,
      aProposal(9, {
        provenance: { ...aProposal(9).provenance, sourceId: 'gm0518-openstad' },
        id: 'gm0518-openstad:proposal:9',
      }),
    ]);
    const report = await harvestSource(deps, source);
    expect(report.issues).toEqual([
      {
        kind: 'proposal',
        upstreamId: '9',
        message: 'proposal gm0518-openstad:proposal:9 does not belong to source gm0363-openstad',
      },
    ]);
    expect(await listed()).toHaveLength(3);
  });

  it('skips a source another run is harvesting', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    expect(await store.acquireLease(source.id, 'other-run', clock, 60_000)).toBe(true);
    script = crawl([]);
    expect(await harvestSource(deps, source)).toMatchObject({ state: 'SKIPPED', tombstoned: 0 });
    expect(await listed()).toHaveLength(3);
  });

  it('never overwrites an item another run changed after this one read it', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    const existing = await store.existingItems(source.id, 'proposal');
    const mine = planWrites(source.id, 'proposal', [{ ...three[0]!, title: 'mine' }], existing, [], 'x');
    const theirs = planWrites(source.id, 'proposal', [{ ...three[0]!, title: 'theirs' }], existing, [], 'x');
    expect(await store.writeItems(theirs.writes.filter((w) => w.op === 'put'))).toEqual({ written: 1, conflicts: [] });
    const outcome = await store.writeItems(mine.writes.filter((w) => w.op === 'put'));
    expect(outcome).toEqual({ written: 0, conflicts: [three[0]!.id] });
    const stored = store.records('proposal').find((r) => r.record.id === three[0]!.id);
    expect(stored).toMatchObject({ version: 2, record: { title: 'theirs' } });
  });
});
