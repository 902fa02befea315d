/**
 * An in-memory HarvestStore: the port the harvest run writes through, over maps, for unit tests that start
 * no DynamoDB. It keeps the port's promises (conditional writes by version, tombstones that keep the
 * record, leases, registrations that keep the harvest status), which test/support/contracts/
 * harvestStoreContract.ts checks against it and against DynamoDB alike; not the table's index layout.
 * Records are copied in and out, so a test cannot change what is stored by holding a reference.
 */
import { contentHash } from '../../../services/core/dynamo/items';
import type { ItemKind } from '../../../services/core/ids';
import type { AnonymousBallots, Source } from '../../../services/core/model';
import type {
  ExistingItem,
  HarvestedRecords,
  HarvestStore,
  ItemWrite,
  WriteOutcome,
} from '../../../services/harvester/store/HarvestStore';

type AnyRecord = HarvestedRecords[ItemKind];

interface StoredItem {
  kind: ItemKind;
  record: AnyRecord;
  contentHash: string;
  version: number;
  removed: boolean;
}

/** What a test may read besides the port: the stored records, ballots and data version. */
export interface InMemoryHarvestStore extends HarvestStore {
  /** The stored records of a kind, removed ones included, in id order; copies. */
  records<K extends ItemKind>(kind: K): { record: HarvestedRecords[K]; removed: boolean; version: number }[];
  /** A budget's stored ballots, or null. */
  ballotsOf(budgetId: string): AnonymousBallots | null;
  /** How often the data version advanced. */
  dataVersion(): number;
  /** Item writes applied (puts and tombstones), for "writes nothing" checks. */
  readonly writeCount: number;
}

export function inMemoryHarvestStore(): InMemoryHarvestStore {
  const sources = new Map<string, Source>();
  const leases = new Map<string, { owner: string; until: number }>();
  const items = new Map<string, StoredItem>();
  const ballots = new Map<string, AnonymousBallots>();
  let version = 0;
  let writeCount = 0;
  const copy = structuredClone;

  const apply = (w: ItemWrite): boolean => {
    const stored = items.get(w.id);
    if (w.op === 'put') {
      if (w.expectedVersion === null ? stored !== undefined : stored?.version !== w.expectedVersion) return false;
      items.set(w.id, {
        kind: w.kind,
        record: copy(w.record),
        contentHash: contentHash(w.record),
        version: (w.expectedVersion ?? 0) + 1,
        removed: w.record.removedAt !== null,
      });
    } else {
      if (!stored || stored.version !== w.expectedVersion) return false;
      items.set(w.id, {
        ...stored,
        record: { ...stored.record, removedAt: w.removedAt },
        version: stored.version + 1,
        removed: true,
      });
    }
    writeCount++;
    return true;
  };

  return {
    get writeCount() {
      return writeCount;
    },
    async getSource(id) {
      const s = sources.get(id);
      return s ? copy(s) : null;
    },
    async registerSource(source, pending) {
      const existing = sources.get(source.id);
      const merged: Source = {
        ...copy(source),
        platformVersion: existing?.platformVersion ?? null,
        harvest: copy(existing?.harvest ?? pending),
      };
      sources.set(source.id, merged);
      return copy(merged);
    },
    async saveSourceStatus(source) {
      sources.set(source.id, copy(source));
    },
    async registeredSources() {
      return [...sources.values()]
        .map((s) => ({ id: s.id, state: s.harvest.state }))
        .sort((a, b) => a.id.localeCompare(b.id));
    },
    async acquireLease(sourceId, owner, now, ms) {
      if (!sources.has(sourceId)) return false;
      const held = leases.get(sourceId);
      if (held && held.until >= now) return false;
      leases.set(sourceId, { owner, until: now + ms });
      return true;
    },
    async releaseLease(sourceId, owner) {
      if (leases.get(sourceId)?.owner === owner) leases.delete(sourceId);
    },
    async existingItems(sourceId, kind) {
      const out = new Map<string, ExistingItem>();
      for (const [id, i] of items) {
        if (i.kind === kind && i.record.provenance.sourceId === sourceId)
          out.set(id, { id, contentHash: i.contentHash, version: i.version, removed: i.removed });
      }
      return out;
    },
    async writeItems(writes): Promise<WriteOutcome> {
      const outcome: WriteOutcome = { written: 0, conflicts: [] };
      for (const w of writes) {
        if (apply(w)) outcome.written++;
        else outcome.conflicts.push(w.id);
      }
      return outcome;
    },
    async writeBallots(list) {
      for (const b of list) ballots.set(b.budgetId, copy(b));
    },
    async advanceDataVersion() {
      version++;
    },
    records<K extends ItemKind>(kind: K) {
      return [...items.values()]
        .filter((i) => i.kind === kind)
        .sort((a, b) => a.record.id.localeCompare(b.record.id))
        .map((i) => ({ record: copy(i.record) as HarvestedRecords[K], removed: i.removed, version: i.version }));
    },
    ballotsOf: (budgetId) => {
      const b = ballots.get(budgetId);
      return b ? copy(b) : null;
    },
    dataVersion: () => version,
  };
}
