/**
 * Sources that leave the sources file are retired: items kept but no longer listed, reversibly. On the
 * in-memory harvest store, which keeps the HarvestStore contract as DynamoDB does.
 */
import { anOpenstadSourceConfig, scriptedHarvestDeps } from '../../../test/support/scriptedHarvest';
import { makeId } from '../../core/ids';
import { aBudget, aProject, aProposal } from '../../../test/support/builders';
import { type InMemoryHarvestStore, inMemoryHarvestStore } from '../../../test/support/fakes/inMemoryHarvestStore';
import type { HarvestContext, HarvestResult, PlatformAdapter } from '../adapter';
import { type SourceConfig } from '../config';
import { harvestAll } from '../harvestAll';
import type { HarvestDeps } from '../harvestSource';
import { absentSources, retireSource } from '../retireSource';

const kept = anOpenstadSourceConfig('gm0363-openstad', 1);
const leaving = anOpenstadSourceConfig('gm0363-decidim', 2);

describe('retiring sources that left the sources file', () => {
  let store: InMemoryHarvestStore;
  let deps: HarvestDeps;
  let clock = Date.UTC(2026, 10, 1);
  // Each source lists its own proposals (and `leaving` a budget with a project).
  const crawlOf = (ctx: HarvestContext): HarvestResult => {
    const sourceId = ctx.source.id;
    const provenance = (upstreamId: string) => ({
      sourceId,
      platform: 'OPENSTAD' as const,
      upstreamId,
      upstreamReference: null,
      harvestedAt: ctx.harvestedAt,
    });
    const proposals = [1, 2].map((n) =>
      aProposal(n, { id: makeId(sourceId, 'proposal', n), provenance: provenance(String(n)) }),
    );
    if (sourceId === kept.id) return { platformVersion: 'headless', proposals, budgets: [], projects: [] };
    const budget = aBudget(1, { provenance: provenance('1') });
    const project = aProject(budget, 0, { provenance: provenance('1-0') });
    return { platformVersion: 'headless', proposals, budgets: [budget], projects: [project] };
  };
  const adapter: PlatformAdapter<SourceConfig> = { platform: 'openstad', harvest: async (ctx) => crawlOf(ctx) };
  const listed = (kind: 'proposal' | 'budget') =>
    store
      .records(kind)
      .filter((r) => !r.removed)
      .map((r) => r.record.id);
  const listedProposals = async () => listed('proposal');
  const listedBudgets = async () => listed('budget');
  const stateOf = async (id: string) => (await store.getSource(id))!.harvest;

  beforeEach(async () => {
    store = inMemoryHarvestStore();
    clock += 3_600_000;
    deps = scriptedHarvestDeps(store, adapter, () => {
      clock += 1000;
      return new Date(clock);
    });
    await harvestAll(deps, [kept, leaving], { retireAbsent: true });
  });

  it('marks a source that left the file RETIRED and stops listing its items, keeping the others', async () => {
    expect(await listedProposals()).toHaveLength(4);
    expect(await listedBudgets()).toEqual([makeId(leaving.id, 'budget', 1)]);

    const reports = await harvestAll(deps, [kept], { retireAbsent: true });

    expect(reports.map((r) => [r.sourceId, r.state, r.tombstoned])).toEqual([
      [leaving.id, 'RETIRED', 4],
      [kept.id, 'OK', 0],
    ]);
    expect(await listedProposals()).toEqual([makeId(kept.id, 'proposal', 1), makeId(kept.id, 'proposal', 2)]);
    expect(await listedBudgets()).toEqual([]);
    expect(await stateOf(leaving.id)).toMatchObject({
      state: 'RETIRED',
      lastError: null,
      itemCounts: { proposals: 0, budgets: 0, budgetProjects: 0 },
    });
    // A second run has nothing left to retire.
    expect((await harvestAll(deps, [kept], { retireAbsent: true })).map((r) => r.sourceId)).toEqual([kept.id]);
  });

  it('lists the items again when the source returns to the file', async () => {
    await harvestAll(deps, [kept], { retireAbsent: true });
    const back = await harvestAll(deps, [kept, leaving], { retireAbsent: true });
    expect(back.find((r) => r.sourceId === leaving.id)).toMatchObject({ state: 'OK', written: 4 });
    expect(await listedProposals()).toHaveLength(4);
    expect(await listedBudgets()).toEqual([makeId(leaving.id, 'budget', 1)]);
    expect((await stateOf(leaving.id)).state).toBe('OK');
  });

  it('retires nothing when only a selection of the file is harvested', async () => {
    const reports = await harvestAll(deps, [kept]);
    expect(reports.map((r) => r.sourceId)).toEqual([kept.id]);
    expect(await listedProposals()).toHaveLength(4);
    expect((await stateOf(leaving.id)).state).toBe('OK');
  });

  it('advances the data version, so no cached answer still lists the retired items', async () => {
    const before = store.dataVersion();
    expect(await retireSource(deps, leaving.id)).toMatchObject({ state: 'RETIRED' });
    expect(store.dataVersion()).toBe(before + 1);
  });

  it('names the registered sources the file no longer has, and ignores unknown ids', async () => {
    expect(await absentSources(deps, [kept])).toEqual([leaving.id]);
    expect(await absentSources(deps, [kept, leaving])).toEqual([]);
    expect(await retireSource(deps, 'gm0000-nothing')).toMatchObject({ state: 'SKIPPED' });
  });
});
