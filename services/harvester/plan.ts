/**
 * What a crawl changes, worked out before anything is written: new, changed and returning records are
 * put; records a complete crawl no longer lists are tombstoned; unchanged records are left alone.
 */
import { contentHash, keys } from '../core/dynamo/items';
import { makeId, type ItemKind } from '../core/ids';
import type { RecordIssue } from './adapter';
import type { ExistingItem, ItemWrite } from './store/HarvestStore';

export interface Plan {
  writes: ItemWrite[];
  unchanged: number;
  tombstones: number;
}

type Harvested = { id: string; provenance: { harvestedAt: string }; removedAt: string | null };

const KEY_OF: Record<ItemKind, (id: string) => { pk: string; sk: string }> = {
  proposal: keys.proposal,
  budget: keys.budget,
  project: keys.project,
};

/**
 * @param issues the records of this crawl that were skipped: what is stored for them is kept. An issue
 *   without an upstream id means a record of that kind could not be identified at all, so nothing of
 *   that kind is tombstoned.
 */
export function planWrites<R extends Harvested>(
  sourceId: string,
  kind: ItemKind,
  records: readonly R[],
  existing: ReadonlyMap<string, ExistingItem>,
  issues: readonly RecordIssue[],
  removedAt: string,
  toItem: (r: R) => Record<string, unknown>,
): Plan {
  const plan: Plan = { writes: [], unchanged: 0, tombstones: 0 };
  const latest = new Map(records.map((r) => [r.id, r])); // a record listed twice counts once
  for (const r of latest.values()) {
    const stored = existing.get(r.id);
    if (stored && !stored.removed && stored.contentHash === contentHash(r)) {
      plan.unchanged++;
      continue;
    }
    plan.writes.push({ op: 'put', id: r.id, item: toItem(r), expectedVersion: stored?.version ?? null });
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
  return { op: 'tombstone', id: stored.id, key: KEY_OF[kind](stored.id), removedAt, expectedVersion: stored.version };
}
