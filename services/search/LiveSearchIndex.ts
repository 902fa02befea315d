/**
 * The search index of one process, kept current from DynamoDB. `load` reads every listed proposal and
 * budget project (byKind); `refresh` follows the change feed (byChange) from a little before the last
 * change it saw, so writes that became visible late (a harvest run dates its writes by its start, and
 * indexes are eventually consistent) are not missed; re-applying a change is harmless. Removed items
 * leave the index. A long-running server refreshes on a timer (`start`); a Lambda refreshes when a
 * request finds the index older than the interval (`current`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { log } from '../core/log';
import { projectDocument, proposalDocument, type MunicipalityDirectory, type SearchDocument } from './documents';
import type { SearchEngine, SearchEngineFactory } from './engine/SearchEngine';
import type { FeedChange, FeedKind, FeedRecord, SearchFeed } from './store/SearchFeed';

export interface LiveSearchIndexOptions {
  /** How old the index may get before a request refreshes it; also the timer's period. Default 60 s. */
  refreshIntervalMs?: number;
  /**
   * How far before the last seen change a refresh re-reads the feed. It must exceed the longest harvest
   * run (writes are dated by the run's start) plus index propagation. Default 20 minutes.
   */
  overlapMs?: number;
  /** A snapshot file to start from (see `saveSnapshot`); the feed then catches up. */
  snapshotPath?: string;
  now?: () => number;
}

export interface RefreshReport {
  upserted: number;
  removed: number;
}

const KINDS: readonly FeedKind[] = ['proposal', 'project'];
/** 2: binary engine snapshot (1 was JSON). */
const SNAPSHOT_VERSION = 2;
const timeOf = (changedAt: string) => changedAt.split('#')[0]!;

export class LiveSearchIndex {
  private engine: SearchEngine | null = null;
  private loading: Promise<SearchEngine> | null = null;
  private refreshing: Promise<RefreshReport> | null = null;
  /** Per kind, the latest change time seen (UTC ISO). */
  private watermark: Record<FeedKind, string> = { proposal: '', project: '' };
  /** The changes applied within the overlap window, so a re-read does not re-index them. */
  private readonly applied = new Map<string, string>();
  private budgetDates = new Map<string, string | null>();
  private refreshedAt = 0;
  private readonly refreshIntervalMs: number;
  private readonly overlapMs: number;
  private readonly now: () => number;

  constructor(
    private readonly feed: SearchFeed,
    private readonly engines: SearchEngineFactory,
    private readonly municipalities: MunicipalityDirectory,
    private readonly options: LiveSearchIndexOptions = {},
  ) {
    this.refreshIntervalMs = options.refreshIntervalMs ?? 60_000;
    this.overlapMs = options.overlapMs ?? 20 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The engine, loaded on first use and refreshed first when older than the refresh interval. A failed
   * refresh is logged and the index, a little stale, still serves; a failed load throws (and the next
   * call tries again).
   */
  async current(): Promise<SearchEngine> {
    const engine = this.engine ?? (await this.load());
    if (this.now() - this.refreshedAt >= this.refreshIntervalMs) {
      try {
        await this.refresh();
      } catch (e) {
        log.error('search: refresh failed; serving the index as it was', { error: (e as Error).message });
      }
    }
    return engine;
  }

  /** Loads the index once: from the snapshot file when one is configured and readable, else from DynamoDB. */
  load(): Promise<SearchEngine> {
    this.loading ??= this.loadOnce().catch((e: unknown) => {
      this.loading = null;
      throw e;
    });
    return this.loading;
  }

  /** Applies the change feed since the last seen change; concurrent calls share one run. */
  refresh(): Promise<RefreshReport> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Refreshes every interval until the returned function is called. The timer does not keep the process alive. */
  start(): () => void {
    const timer = setInterval(() => {
      if (!this.engine) return;
      this.refresh().catch((e: unknown) => log.error('search: refresh failed', { error: (e as Error).message }));
    }, this.refreshIntervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Writes the loaded index and its feed position to `path`, for fast starts (`snapshotPath`): a JSON
   * header line (padded so that the engine's bytes start 8-byte aligned), then the engine's binary
   * snapshot (engine/binary.ts).
   */
  async saveSnapshot(path: string): Promise<void> {
    const engine = await this.load();
    await writeSearchSnapshot(path, engine, { watermark: this.watermark, budgetDates: this.budgetDates });
  }

  private async loadOnce(): Promise<SearchEngine> {
    const started = this.now();
    if (this.options.snapshotPath) {
      const restored = await this.restore(this.options.snapshotPath);
      if (restored) {
        this.engine = restored;
        await this.refresh();
        log.info('search: index restored from snapshot', { items: restored.size, ms: this.now() - started });
        return restored;
      }
    }
    const engine = this.engines.create();
    const startIso = new Date(started).toISOString();
    // The feed position is taken before reading, so what is written during the load is caught up later.
    for (const kind of KINDS) this.watermark[kind] = timeOf((await this.feed.latestChange(kind)) ?? startIso);
    this.budgetDates = await this.feed.budgetDates();
    for (const kind of KINDS) {
      for await (const records of this.feed.listed(kind)) engine.upsert(await this.documents(records));
    }
    this.engine = engine;
    this.refreshedAt = this.now();
    log.info('search: index loaded from DynamoDB', { items: engine.size, ms: this.now() - started });
    return engine;
  }

  private async restore(path: string): Promise<SearchEngine | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      log.warn('search: no snapshot to start from; loading from DynamoDB', { path });
      return null;
    }
    const newline = bytes.indexOf(0x0a);
    let header: { v: number; watermark: Record<FeedKind, string>; budgetDates: [string, string | null][] };
    try {
      header = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
    } catch {
      header = { v: 0, watermark: { proposal: '', project: '' }, budgetDates: [] };
    }
    if (newline < 0 || header.v !== SNAPSHOT_VERSION) {
      log.warn('search: snapshot of another format; loading from DynamoDB', { path, version: header.v });
      return null;
    }
    try {
      const engine = this.engines.restore(bytes.subarray(newline + 1));
      this.watermark = header.watermark;
      this.budgetDates = new Map(header.budgetDates);
      return engine;
    } catch (e) {
      log.warn('search: unreadable snapshot; loading from DynamoDB', { path, error: (e as Error).message });
      return null;
    }
  }

  private async refreshOnce(): Promise<RefreshReport> {
    // During a load from a snapshot the engine is set before this runs; awaiting the load would deadlock.
    const engine = this.engine ?? (await this.load());
    const report: RefreshReport = { upserted: 0, removed: 0 };
    const startedAt = this.now();
    for (const kind of KINDS) {
      const since = new Date(Date.parse(this.watermark[kind]) - this.overlapMs).toISOString();
      for await (const changes of this.feed.changedSince(kind, since)) {
        const fresh = changes.filter((c) => this.applied.get(c.id) !== c.changedAt);
        await this.apply(engine, fresh, report);
        for (const c of fresh) {
          this.applied.set(c.id, c.changedAt);
          if (timeOf(c.changedAt) > this.watermark[kind]) this.watermark[kind] = timeOf(c.changedAt);
        }
      }
    }
    this.forgetBefore(
      new Date(
        Math.min(Date.parse(this.watermark.proposal), Date.parse(this.watermark.project)) - this.overlapMs,
      ).toISOString(),
    );
    this.refreshedAt = startedAt;
    if (report.upserted + report.removed > 0) log.info('search: index refreshed', { ...report });
    return report;
  }

  private async apply(engine: SearchEngine, changes: FeedChange[], report: RefreshReport): Promise<void> {
    // A removed item, or one that no longer validates, must not be found.
    const gone = changes.filter((c) => c.removed || !c.record).map((c) => c.id);
    engine.remove(gone);
    report.removed += gone.length;
    const docs = await this.documents(changes.flatMap((c) => (c.removed || !c.record ? [] : [c.record])));
    engine.upsert(docs);
    report.upserted += docs.length;
    // An item search cannot place any more (documents() logged why) must not linger in an old version.
    const kept = new Set(docs.map((d) => d.id));
    const dropped = changes.filter((c) => !c.removed && c.record && !kept.has(c.id)).map((c) => c.id);
    engine.remove(dropped);
    report.removed += dropped.length;
  }

  private async documents(records: readonly FeedRecord[]): Promise<SearchDocument[]> {
    const missing = [
      ...new Set(
        records.flatMap((r) =>
          r.kind === 'project' && !this.budgetDates.has(r.project.budgetId) ? [r.project.budgetId] : [],
        ),
      ),
    ];
    if (missing.length > 0) {
      for (const [id, date] of await this.feed.budgetDatesOf(missing)) this.budgetDates.set(id, date);
    }
    const docs: SearchDocument[] = [];
    for (const r of records) {
      try {
        docs.push(
          r.kind === 'proposal'
            ? proposalDocument(r.proposal, this.municipalities)
            : projectDocument(r.project, this.municipalities, this.budgetDates.get(r.project.budgetId) ?? null),
        );
      } catch (e) {
        log.warn('search: skipped an item', {
          id: r.kind === 'proposal' ? r.proposal.id : r.project.id,
          error: (e as Error).message,
        });
      }
    }
    return docs;
  }

  private forgetBefore(iso: string): void {
    for (const [id, changedAt] of this.applied) if (timeOf(changedAt) < iso) this.applied.delete(id);
  }
}

/** Where a snapshot's index stands in the change feed: per kind the latest change seen, and the budgets' dates. */
export interface SnapshotPosition {
  watermark: Record<FeedKind, string>;
  budgetDates: ReadonlyMap<string, string | null>;
}

/**
 * Writes `engine` at `position` to `path` in the format `LiveSearchIndex` restores (`saveSnapshot`): a
 * JSON header line, padded so that the engine's bytes start 8-byte aligned, then the engine's binary
 * snapshot (engine/binary.ts). Also for tools that build an engine themselves (scripts/bench-coldstart.ts).
 */
export async function writeSearchSnapshot(
  path: string,
  engine: SearchEngine,
  position: SnapshotPosition,
): Promise<void> {
  const header = JSON.stringify({
    v: SNAPSHOT_VERSION,
    watermark: position.watermark,
    budgetDates: [...position.budgetDates],
  });
  const head = Buffer.from(header, 'utf8');
  const padded = Buffer.alloc((head.length + 1 + 7) & ~7, ' ');
  head.copy(padded);
  padded[padded.length - 1] = 0x0a;
  await writeFile(path, Buffer.concat([padded, engine.serialize()]));
}
