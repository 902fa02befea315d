/**
 * What a crawl changes, worked out before anything is written: new, changed and returning records are
 * put; records a complete crawl no longer lists are tombstoned; unchanged records are left alone.
 */
import { contentHash } from '../core/dynamo/items';
import { makeId, type ItemKind } from '../core/ids';
import type { RecordIssue } from './adapter';
import type { ExistingItem, HarvestedRecords, ItemWrite } from './store/HarvestStore';

export interface Plan {
  writes: ItemWrite[];
  unchanged: number;
  tombstones: number;
}

/**
 * @param issues the records of this crawl that were skipped: what is stored for them is kept. An issue
 *   without an upstream id means a record of that kind could not be identified at all, so nothing of
 *   that kind is tombstoned.
 */
export function planWrites<K extends ItemKind>(
  sourceId: string,
  kind: K,
  records: readonly HarvestedRecords[K][],
  existing: ReadonlyMap<string, ExistingItem>,
  issues: readonly RecordIssue[],
  removedAt: string,
): Plan {
  const plan: Plan = { writes: [], unchanged: 0, tombstones: 0 };
  const latest = new Map(records.map((r) => [r.id, r])); // a record listed twice counts once
  for (const r of latest.values()) {
    const stored = existing.get(r.id);
    if (stored && !stored.removed && stored.contentHash === contentHash(r)) {
      plan.unchanged++;
      continue;
    }
    plan.writes.push({ op: 'put', kind, id: r.id, record: r, expectedVersion: stored?.version ?? null } as ItemWrite);
  }
  const ofKind = issues.filter((i) => i.kind === kind);
  if (ofKind.some((i) => i.upstreamId === null)) return plan;
  const kept = new Set(ofKind.map((i) => makeId(sourceId, kind, i.upstreamId!)));
  for (const stored of existing.values()) {
    if (stored.removed || latest.has(stored.id) || kept.has(stored.id)) continue;
    plan.writes.push(tombstoneOf(kind, stored, removedAt));
    plan.tombstones++;
  }
  return plan;
}

/** The write that tombstones a stored item: kept, no longer listed, dated `removedAt`. */
export function tombstoneOf(kind: ItemKind, stored: ExistingItem, removedAt: string): ItemWrite {
  return { op: 'tombstone', kind, id: stored.id, removedAt, expectedVersion: stored.version };
}
