/**
 * The data version: one counter item in the table that every writer advances after its writes (each
 * source's harvest, the registry load), so that whatever is derived from the table — the gateway's
 * response cache, its ETags — can be keyed on it and never outlives a change.
 *
 * One global counter rather than one per kind: every harvest run rewrites its source's status
 * (`Source.harvest.lastAttemptAt` changes on every attempt), so every run changes something that many
 * queries show, and a per-kind scheme would have to prove, for every operation, which kinds its answer
 * depends on (connections' `totalCount`, search hits, budget outcomes computed from projects). A wrong
 * guess there serves stale data; a global counter cannot. See docs/architecture.md, "Caching".
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableAccess } from './loader';

/** The item's key; also what the split topology's gateway may read (infra/constructs/GraphqlGateway.ts). */
export const DATA_VERSION_KEY = { pk: 'META#DATAVERSION', sk: '#' } as const;

export interface DataVersion {
  /** Advances by one with every write batch; 0 before the first. */
  value: number;
  /** When it last advanced (ms since the epoch, the writer's clock); 0 before the first. */
  changedAt: number;
}

/** Advances the version after a writer's changes are in the table; returns the new value. */
export async function advanceDataVersion(db: TableAccess, now: number = Date.now()): Promise<number> {
  const out = await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: DATA_VERSION_KEY,
      UpdateExpression: 'ADD #v :one SET advancedAt = :now',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':one': 1, ':now': now },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(out.Attributes?.version ?? 0);
}

/** Reads the version (strongly consistent: one read unit, a few times a minute per process). */
export async function readDataVersion(db: TableAccess): Promise<DataVersion> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.table,
      Key: DATA_VERSION_KEY,
      ConsistentRead: true,
      ProjectionExpression: '#v, advancedAt',
      ExpressionAttributeNames: { '#v': 'version' },
    }),
  );
  return { value: Number(out.Item?.version ?? 0), changedAt: Number(out.Item?.advancedAt ?? 0) };
}

/**
 * The version as a process sees it: read at most once per `holdMs` (concurrent callers share one read),
 * so a hot process costs one GetItem every few seconds, and sees a new version at most `holdMs` late.
 * Resolves to null when the read fails: callers must then not cache.
 */
export class DataVersionClock {
  private held: { version: DataVersion; at: number } | undefined;
  private reading: Promise<DataVersion | null> | undefined;

  constructor(
    private readonly read: () => Promise<DataVersion>,
    private readonly holdMs: number,
    private readonly now: () => number = Date.now,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  current(): Promise<DataVersion | null> {
    const held = this.held;
    if (held && this.now() - held.at < this.holdMs) return Promise.resolve(held.version);
    this.reading ??= this.read().then(
      (version) => {
        this.held = { version, at: this.now() };
        this.reading = undefined;
        return version;
      },
      (e: unknown) => {
        this.reading = undefined;
        this.onError(e);
        return null;
      },
    );
    return this.reading;
  }
}
