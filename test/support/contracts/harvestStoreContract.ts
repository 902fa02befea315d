/**
 * The HarvestStore contract: what every implementation of the port promises the harvest run. One suite,
 * run against the in-memory fake in the unit tier (services/harvester/store/__tests__/HarvestStore.test.ts)
 * and against DynamoDB Local in the db tier (HarvestStore.db.test.ts), so the fake cannot drift from the
 * store it stands in for.
 */
import type { ItemKind } from '../../../services/core/ids';
import { type AnonymousBallots, PENDING_HARVEST } from '../../../services/core/model';
import type { HarvestedRecords, HarvestStore, ItemWrite } from '../../../services/harvester/store/HarvestStore';
import { aBudget, aProject, aProposal, aSource } from '../builders';

/** One implementation under test, with the readers the contract needs that the port does not offer. */
export interface HarvestStoreHarness {
  store: HarvestStore;
  /** The stored record of an item (a tombstoned one with its removal time), or null. */
  record<K extends ItemKind>(kind: K, id: string): Promise<HarvestedRecords[K] | null>;
  ballotsOf(budgetId: string): Promise<AnonymousBallots | null>;
  /** The current data version. */
  dataVersion(): Promise<number>;
}

const put = <K extends ItemKind>(kind: K, record: HarvestedRecords[K], expectedVersion: number | null) =>
  ({ op: 'put', kind, id: record.id, record, expectedVersion }) as ItemWrite;

/** Declares the contract's tests; `harness` makes a fresh, empty implementation for each. */
export function harvestStoreContract(harness: () => Promise<HarvestStoreHarness>): void {
  let h: HarvestStoreHarness;
  let store: HarvestStore;
  const source = aSource();
  const registration = {
    id: source.id,
    name: source.name,
    municipalityCode: source.municipalityCode,
    platform: source.platform,
    baseUrl: source.baseUrl,
  };

  beforeEach(async () => {
    h = await harness();
    store = h.store;
  });

  describe('sources', () => {
    it('has no source before one is registered', async () => {
      expect(await store.getSource(source.id)).toBeNull();
      expect(await store.registeredSources()).toEqual([]);
    });

    it('registers a new source as pending, and keeps its harvest status when it registers again', async () => {
      expect(await store.registerSource(registration, PENDING_HARVEST)).toEqual({
        ...registration,
        platformVersion: null,
        harvest: PENDING_HARVEST,
      });
      const harvested = {
        ...(await store.getSource(source.id))!,
        platformVersion: '2.4.1',
        harvest: { ...PENDING_HARVEST, state: 'OK' as const, lastSuccessAt: '2026-11-01T00:00:00.000Z' },
      };
      await store.saveSourceStatus(harvested);
      const renamed = await store.registerSource({ ...registration, name: 'Nieuwe naam' }, PENDING_HARVEST);
      expect(renamed).toEqual({ ...harvested, name: 'Nieuwe naam' });
      expect(await store.getSource(source.id)).toEqual(renamed);
    });

    it('lists every registered source with its state, retired ones included', async () => {
      await store.registerSource({ ...registration, id: 'gm0363-b' }, PENDING_HARVEST);
      const a = await store.registerSource(registration, PENDING_HARVEST);
      await store.saveSourceStatus({ ...a, harvest: { ...a.harvest, state: 'RETIRED' } });
      expect(await store.registeredSources()).toEqual([
        { id: 'gm0363-b', state: 'PENDING' },
        { id: source.id, state: 'RETIRED' },
      ]);
    });
  });

  describe('the harvest lease', () => {
    it('is held by one owner until it expires or is released', async () => {
      await store.registerSource(registration, PENDING_HARVEST);
      expect(await store.acquireLease(source.id, 'a', 1000, 500)).toBe(true);
      expect(await store.acquireLease(source.id, 'b', 1200, 500)).toBe(false);
      await store.releaseLease(source.id, 'b'); // not b's to release
      expect(await store.acquireLease(source.id, 'b', 1400, 500)).toBe(false);
      expect(await store.acquireLease(source.id, 'b', 1501, 500)).toBe(true); // a's expired at 1500
      await store.releaseLease(source.id, 'b');
      expect(await store.acquireLease(source.id, 'c', 1502, 500)).toBe(true);
    });

    it('cannot be taken on a source that is not registered', async () => {
      expect(await store.acquireLease('gm0000-nothing', 'a', 1000, 500)).toBe(false);
    });

    it('survives a new registration of its source', async () => {
      await store.registerSource(registration, PENDING_HARVEST);
      expect(await store.acquireLease(source.id, 'a', 1000, 500)).toBe(true);
      await store.registerSource({ ...registration, name: 'Nieuwe naam' }, PENDING_HARVEST);
      expect(await store.acquireLease(source.id, 'b', 1200, 500)).toBe(false);
    });
  });

  describe('items', () => {
    const budget = aBudget(1);
    const proposals = [aProposal(1), aProposal(2)];

    it('writes new items and tells their hash, version and state per source and kind', async () => {
      const outcome = await store.writeItems([
        ...proposals.map((p) => put('proposal', p, null)),
        put('budget', budget, null),
        put('project', aProject(budget, 0), null),
        put('proposal', aProposal(3, { provenance: { ...aProposal(3).provenance, sourceId: 'gm0363-other' } }), null),
      ]);
      expect(outcome).toEqual({ written: 5, conflicts: [] });
      const existing = await store.existingItems(source.id, 'proposal');
      expect([...existing.keys()].sort()).toEqual(proposals.map((p) => p.id));
      expect(existing.get(proposals[0]!.id)).toEqual({
        id: proposals[0]!.id,
        contentHash: expect.any(String),
        version: 1,
        removed: false,
      });
      expect([...(await store.existingItems(source.id, 'project')).keys()]).toEqual([aProject(budget, 0).id]);
      expect(await h.record('proposal', proposals[1]!.id)).toEqual(proposals[1]);
    });

    it('gives the same content the same hash whenever it was harvested, and changed content another', async () => {
      const p = proposals[0]!;
      await store.writeItems([put('proposal', p, null)]);
      const first = (await store.existingItems(source.id, 'proposal')).get(p.id)!;
      await store.writeItems([
        put('proposal', { ...p, provenance: { ...p.provenance, harvestedAt: '2027-01-01T00:00:00.000Z' } }, 1),
      ]);
      const again = (await store.existingItems(source.id, 'proposal')).get(p.id)!;
      expect(again).toEqual({ ...first, version: 2 });
      await store.writeItems([put('proposal', { ...p, title: 'Anders' }, 2)]);
      expect((await store.existingItems(source.id, 'proposal')).get(p.id)!.contentHash).not.toBe(first.contentHash);
    });

    it('leaves an item another run changed, names it, and still writes the rest', async () => {
      await store.writeItems(proposals.map((p) => put('proposal', p, null)));
      const outcome = await store.writeItems([
        put('proposal', { ...proposals[0]!, title: 'mine' }, 7), // stale version
        put('proposal', { ...proposals[1]!, title: 'new' }, null), // exists already
        put('proposal', aProposal(3), null),
      ]);
      expect(outcome).toEqual({ written: 1, conflicts: [proposals[0]!.id, proposals[1]!.id] });
      expect((await h.record('proposal', proposals[0]!.id))?.title).toBe(proposals[0]!.title);
      expect((await h.record('proposal', proposals[1]!.id))?.title).toBe(proposals[1]!.title);
      expect(await h.record('proposal', aProposal(3).id)).toEqual(aProposal(3));
    });

    it('tombstones an item: kept with its removal time, marked removed, and put back by a later write', async () => {
      await store.writeItems([put('budget', budget, null)]);
      const removedAt = '2026-11-02T00:00:00.000Z';
      expect(
        await store.writeItems([{ op: 'tombstone', kind: 'budget', id: budget.id, removedAt, expectedVersion: 1 }]),
      ).toEqual({ written: 1, conflicts: [] });
      expect((await store.existingItems(source.id, 'budget')).get(budget.id)).toMatchObject({
        version: 2,
        removed: true,
      });
      expect(await h.record('budget', budget.id)).toEqual({ ...budget, removedAt });
      await store.writeItems([put('budget', budget, 2)]);
      expect((await store.existingItems(source.id, 'budget')).get(budget.id)).toMatchObject({
        version: 3,
        removed: false,
      });
    });

    it('refuses a tombstone of an item that changed or does not exist', async () => {
      await store.writeItems([put('proposal', proposals[0]!, null)]);
      const tombstone = (id: string, expectedVersion: number): ItemWrite => ({
        op: 'tombstone',
        kind: 'proposal',
        id,
        removedAt: '2026-11-02T00:00:00.000Z',
        expectedVersion,
      });
      expect(await store.writeItems([tombstone(proposals[0]!.id, 5), tombstone(proposals[1]!.id, 1)])).toEqual({
        written: 0,
        conflicts: [proposals[0]!.id, proposals[1]!.id],
      });
      expect((await store.existingItems(source.id, 'proposal')).get(proposals[0]!.id)?.removed).toBe(false);
    });

    it('writes more items than one transaction holds', async () => {
      const many = Array.from({ length: 130 }, (_, i) => aProposal(i + 1));
      expect(await store.writeItems(many.map((p) => put('proposal', p, null)))).toEqual({
        written: 130,
        conflicts: [],
      });
      expect((await store.existingItems(source.id, 'proposal')).size).toBe(130);
    });
  });

  it('keeps the latest anonymous ballots of each budget', async () => {
    const ballots = (vote: number[]): AnonymousBallots => ({
      budgetId: 'b1',
      projects: ['p0', 'p1'],
      ballots: [{ vote, points: null }],
    });
    expect(await h.ballotsOf('b1')).toBeNull();
    await store.writeBallots([ballots([0])]);
    await store.writeBallots([ballots([1])]);
    expect(await h.ballotsOf('b1')).toEqual(ballots([1]));
  });

  it('advances the data version by one each time', async () => {
    const before = await h.dataVersion();
    await store.advanceDataVersion();
    await store.advanceDataVersion();
    expect(await h.dataVersion()).toBe(before + 2);
  });
}
