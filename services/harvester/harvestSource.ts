/**
 * One harvest of one source: fetch and normalise (the adapter), compare content hashes with what is
 * stored, write only what changed, tombstone what a complete crawl no longer lists, and record the
 * source's status. A failure of the source writes no item and tombstones nothing: the last good data
 * stays. A record that fails validation is skipped and reported, and what is stored for it is kept.
 */
import { randomUUID } from 'node:crypto';
import { parseId, type ItemKind } from '../core/ids';
import {
  budgetProjectSchema,
  budgetSchema,
  PENDING_HARVEST,
  proposalSchema,
  type AnonymousBallots,
  type Budget,
  type Source,
} from '../core/model';
import { platformOf } from '../core/platforms';
import type { HarvestResult, PlatformAdapter, RecordIssue } from './adapter';
import type { SourceConfig } from './config';
import type { HttpClient } from './http/HttpClient';
import { planWrites } from './plan';
import type { HarvestStore, ItemWrite } from './store/HarvestStore';
import { ConfigError } from '../core/errors';

export interface HarvestDeps {
  /** Where sources and harvested items are kept: dynamoHarvestStore, or the in-memory fake in tests. */
  store: HarvestStore;
  /** Province code of each municipality code (services/core/registry.ts provinceIndex). */
  provinces: ReadonlyMap<string, string>;
  adapters: Readonly<Record<SourceConfig['platform'], PlatformAdapter<SourceConfig>>>;
  http(source: SourceConfig): HttpClient;
  now?: () => Date;
  /** How long a run may hold a source's lease. Default 15 minutes. */
  leaseMs?: number;
}

export interface SourceReport {
  sourceId: string;
  state: Source['harvest']['state'] | 'SKIPPED';
  /** Items written because they were new, changed or came back. */
  written: number;
  unchanged: number;
  tombstoned: number;
  /** Records skipped because they failed validation or normalisation. */
  issues: RecordIssue[];
  /** Items another run changed while this one ran. */
  conflicts: string[];
  error: string | null;
  durationMs: number;
  counts: Source['harvest']['itemCounts'];
  /** The source's last successful harvest after this run; null when it never succeeded. */
  lastSuccessAt: string | null;
}

/** A report of a run that has done nothing yet. */
export function emptyReport(sourceId: string, state: SourceReport['state'], error: string | null = null): SourceReport {
  return {
    sourceId,
    state,
    written: 0,
    unchanged: 0,
    tombstoned: 0,
    issues: [],
    conflicts: [],
    error,
    durationMs: 0,
    counts: { ...PENDING_HARVEST.itemCounts },
    lastSuccessAt: null,
  };
}

/** The registration of a configured source, as the API shows it. */
export function sourceRegistration(config: SourceConfig): Omit<Source, 'harvest' | 'platformVersion'> {
  return {
    id: config.id,
    name: config.name ?? config.id,
    municipalityCode: config.municipality,
    platform: platformOf(config.platform),
    // A local directory (a Pabulib source's files on the harvesting machine) is not a public address.
    baseUrl: config.baseUrl.startsWith('file:') ? null : config.baseUrl,
    // Declared in the sources file, or unknown (null): never guessed.
    licence: config.licence ?? null,
    attribution: config.attribution ?? null,
  };
}

export async function harvestSource(deps: HarvestDeps, config: SourceConfig): Promise<SourceReport> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const harvestedAt = started.toISOString();
  const owner = randomUUID();
  const report = emptyReport(config.id, 'FAILING');
  if (!deps.provinces.has(config.municipality))
    throw new ConfigError(
      `Source ${config.id} names municipality ${config.municipality}, which is not in the registry.`,
    );

  let source = await deps.store.registerSource(sourceRegistration(config), PENDING_HARVEST);
  report.counts = source.harvest.itemCounts;
  report.lastSuccessAt = source.harvest.lastSuccessAt;
  if (!(await deps.store.acquireLease(config.id, owner, started.getTime(), deps.leaseMs ?? 15 * 60_000))) {
    return {
      ...report,
      state: 'SKIPPED',
      error: 'another harvest of this source is running',
      durationMs: now().getTime() - started.getTime(),
    };
  }
  try {
    let result: HarvestResult;
    try {
      const adapter = deps.adapters[config.platform];
      result = await adapter.harvest({
        source: config,
        http: deps.http(config),
        harvestedAt,
        report: (i) => report.issues.push(i),
      });
    } catch (e) {
      report.error = e instanceof Error ? e.message : String(e);
      source = {
        ...source,
        harvest: { ...source.harvest, state: 'FAILING', lastAttemptAt: harvestedAt, lastError: report.error },
      };
      await deps.store.saveSourceStatus(source);
      return {
        ...report,
        state: 'FAILING',
        counts: source.harvest.itemCounts,
        durationMs: now().getTime() - started.getTime(),
      };
    }

    const valid = validated(config, withLicence(config, withDeclaredRule(config, result)), report.issues);
    const counts = {
      proposals: valid.proposals.length,
      budgets: valid.budgets.length,
      budgetProjects: valid.projects.length,
    };
    const batches = [
      planWrites(
        config.id,
        'proposal',
        valid.proposals,
        await deps.store.existingItems(config.id, 'proposal'),
        report.issues,
        harvestedAt,
      ),
      planWrites(
        config.id,
        'budget',
        valid.budgets,
        await deps.store.existingItems(config.id, 'budget'),
        report.issues,
        harvestedAt,
      ),
      planWrites(
        config.id,
        'project',
        valid.projects,
        await deps.store.existingItems(config.id, 'project'),
        report.issues,
        harvestedAt,
      ),
    ];
    for (const plan of batches) {
      const outcome = await deps.store.writeItems(plan.writes, now);
      const conflicted = new Set(outcome.conflicts);
      const tombstoned = plan.writes.filter((w) => w.op === 'tombstone' && !conflicted.has(w.id)).length;
      report.tombstoned += tombstoned;
      report.written += outcome.written - tombstoned;
      report.unchanged += plan.unchanged;
      report.conflicts.push(...outcome.conflicts);
    }
    await writeBallots(deps.store, valid.budgets, batches[1]!.writes, result.ballots ?? []);
    const state = report.issues.length > 0 || report.conflicts.length > 0 ? 'DEGRADED' : 'OK';
    const lastError = state === 'DEGRADED' ? summarise(report) : null;
    source = {
      ...source,
      platformVersion: result.platformVersion ?? source.platformVersion,
      harvest: { state, lastAttemptAt: harvestedAt, lastSuccessAt: harvestedAt, lastError, itemCounts: counts },
    };
    await deps.store.saveSourceStatus(source);
    return { ...report, state, counts, lastSuccessAt: harvestedAt, durationMs: now().getTime() - started.getTime() };
  } finally {
    await deps.store.releaseLease(config.id, owner);
    // Every run that held the lease wrote at least the source's status (its attempt time changes), so
    // every one advances the data version, after its last write: caches keyed on it never outlive it.
    await deps.store.advanceDataVersion();
  }
}

/**
 * The anonymous ballots of the budgets this run wrote (a budget's `ballots` digest changes with them, so
 * unchanged ballots are not written again). Ballots of budgets not in this source are ignored.
 */
async function writeBallots(
  store: HarvestStore,
  budgets: readonly Budget[],
  writes: readonly ItemWrite[],
  ballots: readonly AnonymousBallots[],
): Promise<void> {
  const written = new Set(writes.filter((w) => w.op === 'put').map((w) => w.id));
  const holding = new Set(budgets.filter((b) => b.ballots !== null).map((b) => b.id));
  const kept = ballots.filter((b) => written.has(b.budgetId) && holding.has(b.budgetId));
  if (kept.length) await store.writeBallots(kept);
}

/**
 * The source's declared outcome rule, on each budget whose platform states none: the platform's own rule
 * comes first, the declaration second, and nothing is ever inferred.
 */
function withDeclaredRule(config: SourceConfig, result: HarvestResult): HarvestResult {
  if (!config.outcomeRule) return result;
  const declared = {
    rule: config.outcomeRule,
    threshold: config.outcomeThreshold ?? null,
    statedBy: 'SOURCE_DECLARATION' as const,
  };
  return { ...result, budgets: result.budgets.map((b) => (b.outcomeRule ? b : { ...b, outcomeRule: declared })) };
}

/**
 * Stamps each record's provenance with its source's declared licence and attribution (sources file).
 * Nothing is stamped for what is not declared, so the API reports it as unknown.
 */
function withLicence(config: SourceConfig, result: HarvestResult): HarvestResult {
  const declared = {
    ...(config.licence && { licence: config.licence }),
    ...(config.attribution && { attribution: config.attribution }),
  };
  if (Object.keys(declared).length === 0) return result;
  const stamp = <T extends { provenance: object }>(r: T): T => ({ ...r, provenance: { ...r.provenance, ...declared } });
  return {
    ...result,
    proposals: result.proposals.map(stamp),
    budgets: result.budgets.map(stamp),
    projects: result.projects.map(stamp),
  };
}

/**
 * Keeps the records that satisfy the unified model and belong to this source; reports the others. An
 * adapter's mistake thus costs one record, and nothing invalid is ever stored.
 */
function validated(
  config: SourceConfig,
  result: HarvestResult,
  issues: RecordIssue[],
): Pick<HarvestResult, 'proposals' | 'budgets' | 'projects'> {
  const keep = <T>(
    kind: ItemKind,
    schema: {
      safeParse(
        v: unknown,
      ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
    records: readonly unknown[],
  ): T[] => {
    const out: T[] = [];
    for (const r of records) {
      const parsed = schema.safeParse(r);
      const id = (r as { id?: unknown } | null)?.id;
      const upstreamId = typeof id === 'string' ? (parseId(id)?.upstreamId ?? null) : null;
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        issues.push({
          kind,
          upstreamId,
          message: `invalid ${kind}: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'}`,
        });
        continue;
      }
      const own = parseId((parsed.data as { id: string }).id);
      const data = parsed.data as { municipalityCode: string; provenance: { sourceId: string } };
      if (
        !own ||
        own.sourceId !== config.id ||
        own.kind !== kind ||
        data.provenance.sourceId !== config.id ||
        data.municipalityCode !== config.municipality
      ) {
        issues.push({ kind, upstreamId, message: `${kind} ${String(id)} does not belong to source ${config.id}` });
        continue;
      }
      out.push(parsed.data);
    }
    return out;
  };
  return {
    proposals: keep('proposal', proposalSchema, result.proposals),
    budgets: keep('budget', budgetSchema, result.budgets),
    projects: keep('project', budgetProjectSchema, result.projects),
  };
}

/** A one-line summary of what went wrong in a harvest that still completed. */
function summarise(report: SourceReport): string {
  const parts: string[] = [];
  if (report.issues.length)
    parts.push(`${report.issues.length} record(s) skipped; first: ${report.issues[0]!.message}`);
  if (report.conflicts.length) parts.push(`${report.conflicts.length} item(s) changed by a concurrent harvest`);
  return parts.join('; ').slice(0, 500);
}
