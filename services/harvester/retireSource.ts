/**
 * Retiring a source that has left the sources file: its items are tombstoned (kept, no longer listed)
 * and its status says RETIRED. It is reversible: when the source returns to the file, its next
 * successful harvest puts back what it finds (a tombstoned item that is listed again "comes back").
 * Retiring never calls the installation.
 */
import { randomUUID } from 'node:crypto';
import type { ItemKind } from '../core/ids';
import { emptyReport, type HarvestDeps, type SourceReport } from './harvestSource';
import type { SourceConfig } from './config';
import { tombstoneOf } from './plan';

const KINDS: readonly ItemKind[] = ['proposal', 'budget', 'project'];

/** The registered sources that `configured` (the whole sources file) no longer names and that are not retired yet. */
export async function absentSources(
  deps: Pick<HarvestDeps, 'store'>,
  configured: readonly Pick<SourceConfig, 'id'>[],
): Promise<string[]> {
  const named = new Set(configured.map((s) => s.id));
  return (await deps.store.registeredSources())
    .filter((s) => !named.has(s.id) && s.state !== 'RETIRED')
    .map((s) => s.id)
    .sort();
}

/** Tombstones every listed item of `sourceId` and marks it RETIRED; a no-op for an unknown source. */
export async function retireSource(
  deps: Pick<HarvestDeps, 'store' | 'now' | 'leaseMs'>,
  sourceId: string,
): Promise<SourceReport> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const at = started.toISOString();
  const report = emptyReport(sourceId, 'RETIRED');
  const source = await deps.store.getSource(sourceId);
  if (!source) return { ...report, state: 'SKIPPED', error: 'no such source is registered' };
  report.lastSuccessAt = source.harvest.lastSuccessAt;
  const owner = randomUUID();
  if (!(await deps.store.acquireLease(sourceId, owner, started.getTime(), deps.leaseMs ?? 15 * 60_000))) {
    return { ...report, state: 'SKIPPED', error: 'a harvest of this source is running' };
  }
  try {
    for (const kind of KINDS) {
      const listed = [...(await deps.store.existingItems(sourceId, kind)).values()].filter((i) => !i.removed);
      const writes = listed.map((stored) => tombstoneOf(kind, stored, at));
      const outcome = await deps.store.writeItems(writes, now);
      report.tombstoned += writes.length - outcome.conflicts.length;
      report.conflicts.push(...outcome.conflicts);
    }
    const state = report.conflicts.length > 0 ? 'DEGRADED' : 'RETIRED';
    await deps.store.saveSourceStatus({
      ...source,
      harvest: {
        ...source.harvest,
        state,
        lastAttemptAt: at,
        lastError:
          state === 'RETIRED'
            ? null
            : `retiring: ${report.conflicts.length} item(s) changed meanwhile; the next run retires them`,
        itemCounts: { proposals: 0, budgets: 0, budgetProjects: 0 },
      },
    });
    return { ...report, state, durationMs: now().getTime() - started.getTime() };
  } finally {
    await deps.store.releaseLease(sourceId, owner);
    // As after a harvest: what caches hold (keyed on the data version) must not outlive the retirement.
    await deps.store.advanceDataVersion();
  }
}

/** Retires every registered source that `configured` no longer names; one report per source retired. */
export async function retireAbsentSources(
  deps: Pick<HarvestDeps, 'store' | 'now' | 'leaseMs'>,
  configured: readonly Pick<SourceConfig, 'id'>[],
): Promise<SourceReport[]> {
  const reports: SourceReport[] = [];
  for (const id of await absentSources(deps, configured)) reports.push(await retireSource(deps, id));
  return reports;
}
