/**
 * The harvest store: what the harvest run (harvestSource, harvestAll, retireSource) reads and writes, in
 * its own words, and its DynamoDB implementation. Item writes are conditional on the version the harvester
 * read, and a source is harvested only under a lease, so two concurrent runs can neither interleave on one
 * source nor overwrite each other's newer data. test/support/fakes/inMemoryHarvestStore.ts keeps the same
 * promises in memory; test/support/contracts/harvestStoreContract.ts checks both.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ballotItems } from '../../core/dynamo/ballotItems';
import { batchPut } from '../../core/dynamo/batchWrite';
import { advanceDataVersion } from '../../core/dynamo/dataVersion';
import {
  budgetItem,
  keys,
  partitions,
  projectItem,
  proposalItem,
  sourceItem,
  sourceOf,
  sourcePartition,
} from '../../core/dynamo/items';
import type { TableAccess } from '../../core/dynamo/loader';
import { ConfigError } from '../../core/errors';
import type { ItemKind } from '../../core/ids';
import type { AnonymousBallots, Budget, BudgetProject, HarvestStatus, Proposal, Source } from '../../core/model';

/** The record each kind of harvested item holds. */
export interface HarvestedRecords {
  proposal: Proposal;
  budget: Budget;
  project: BudgetProject;
}

/** What the store holds of a harvested item for the next run to compare with. */
export interface ExistingItem {
  id: string;
  /** services/core/dynamo/items.ts contentHash of the record as last written. */
  contentHash: string;
  version: number;
  removed: boolean;
}

/** A full put of a new, changed or returning record, conditional on the version read before. */
export type PutWrite = {
  [K in ItemKind]: { op: 'put'; kind: K; id: string; record: HarvestedRecords[K]; expectedVersion: number | null };
}[ItemKind];

/** A change to one item: a put, or a tombstone of a listed one (kept, dated, no longer listed). */
export type ItemWrite =
  | PutWrite
  | { op: 'tombstone'; kind: ItemKind; id: string; removedAt: string; expectedVersion: number };

export interface WriteOutcome {
  written: number;
  /** Items another run changed since we read them; left as that run wrote them. */
  conflicts: string[];
}

/** The lease and state of a registered source, as the fan-out reads them. */
export interface RegisteredSource {
  id: string;
  state: Source['harvest']['state'];
}

/**
 * The harvest store port. Every method is one idea the harvest run needs; none exposes the table layout.
 */
export interface HarvestStore {
  /** The stored source, or null. Strongly consistent. */
  getSource(id: string): Promise<Source | null>;
  /**
   * Writes a source's registration (name, platform, URL, municipality), keeping its harvest status and
   * platform version (`pending` for a new source) and any lease a running harvest holds.
   */
  registerSource(source: Omit<Source, 'harvest' | 'platformVersion'>, pending: HarvestStatus): Promise<Source>;
  /** Records a harvest's outcome: the source's status and platform version. */
  saveSourceStatus(source: Source): Promise<void>;
  /** Every registered source, retired ones included, by id. */
  registeredSources(): Promise<RegisteredSource[]>;
  /**
   * Takes the source's harvest lease until `now + ms`, unless another owner holds an unexpired one or the
   * source is not registered. Returns false then: two runs never harvest one source at the same time.
   */
  acquireLease(sourceId: string, owner: string, now: number, ms: number): Promise<boolean>;
  /** Gives the lease back; a no-op when `owner` no longer holds it. */
  releaseLease(sourceId: string, owner: string): Promise<void>;
  /** Every item of a source and kind, removed ones included, by id. */
  existingItems(sourceId: string, kind: ItemKind): Promise<Map<string, ExistingItem>>;
  /**
   * Applies the writes, each conditional on its expected version (null: the item must not exist). An
   * item whose version differs is left alone and named in `conflicts`; the others are written. `now` dates
   * each write's position in the change feed (docs/changes.md). Default: the real clock.
   */
  writeItems(writes: readonly ItemWrite[], now?: () => Date): Promise<WriteOutcome>;
  /** Replaces the stored anonymous ballots of each budget given. */
  writeBallots(ballots: readonly AnonymousBallots[]): Promise<void>;
  /** Advances the data version after a writer's changes (services/core/dynamo/dataVersion.ts). */
  advanceDataVersion(): Promise<void>;
}

/**
 * The harvest store on the table. `provinces` (services/core/registry.ts provinceIndex) gives each
 * municipality's province, which a proposal's province list needs; a record of a municipality without
 * one is a configuration error.
 */
export function dynamoHarvestStore(db: TableAccess, provinces: ReadonlyMap<string, string>): HarvestStore {
  const toItem = (w: PutWrite): Record<string, unknown> => {
    if (w.kind === 'budget') return budgetItem(w.record);
    if (w.kind === 'project') return projectItem(w.record);
    const province = provinces.get(w.record.municipalityCode);
    if (!province) throw new ConfigError(`Municipality ${w.record.municipalityCode} is not in the registry.`);
    return proposalItem(w.record, province);
  };
  const getSource = async (id: string): Promise<Source | null> => {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.source(id), ConsistentRead: true }));
    return out.Item ? sourceOf(out.Item) : null;
  };
  return {
    getSource,
    writeItems: (writes, now) => writeItems(db, writes, toItem, now),
    existingItems: (sourceId, kind) => existingItems(db, sourceId, kind),
    registerSource: async (source, pending) => {
      const existing = await getSource(source.id);
      const merged: Source = {
        ...source,
        platformVersion: existing?.platformVersion ?? null,
        harvest: existing?.harvest ?? pending,
      };
      if (existing && JSON.stringify(existing) === JSON.stringify(merged)) return existing;
      // An update, not a put: it leaves the harvest lease attributes of a running harvest as they are.
      const { pk: _pk, sk: _sk, ...attributes } = sourceItem(merged);
      const names = Object.keys(attributes);
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.source(source.id),
          UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
          ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, attributes[n]])),
        }),
      );
      return merged;
    },
    saveSourceStatus: async (source) => {
      const item = sourceItem(source);
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.source(source.id),
          UpdateExpression: 'SET #doc = :doc, #state = :state',
          ExpressionAttributeNames: { '#doc': 'doc', '#state': 'state' },
          ExpressionAttributeValues: { ':doc': item.doc, ':state': item.state },
        }),
      );
    },
    acquireLease: async (sourceId, owner, now, ms) => {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: keys.source(sourceId),
            UpdateExpression: 'SET leaseOwner = :owner, leaseUntil = :until',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
            ExpressionAttributeValues: { ':owner': owner, ':until': now + ms, ':now': now },
          }),
        );
        return true;
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) return false;
        throw e;
      }
    },
    releaseLease: async (sourceId, owner) => {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: keys.source(sourceId),
            UpdateExpression: 'REMOVE leaseOwner, leaseUntil',
            ConditionExpression: 'leaseOwner = :owner',
            ExpressionAttributeValues: { ':owner': owner },
          }),
        );
      } catch (e) {
        if (!(e instanceof ConditionalCheckFailedException)) throw e;
      }
    },
    registeredSources: async () => {
      const items = await queryAll(db, {
        IndexName: 'byKind',
        KeyConditionExpression: 'kindKey = :k',
        ExpressionAttributeValues: { ':k': partitions.sources },
        ExpressionAttributeNames: { '#state': 'state' },
        ProjectionExpression: 'orderKey, #state',
      });
      return items.map((i) => ({ id: String(i.orderKey), state: String(i.state) as RegisteredSource['state'] }));
    },
    writeBallots: async (ballots) => {
      const items = ballots.flatMap(ballotItems);
      if (items.length) await batchPut(db.doc, db.table, items);
    },
    advanceDataVersion: async () => {
      await advanceDataVersion(db);
    },
  };
}

/**
 * Writes in transactions of up to 100 items, each conditional on the version read before. A transaction
 * that fails on a condition is retried item by item, so a conflict costs only the conflicting items.
 * Each item's change-feed position (`changedAt`) is the time of its write, read from `now` just before
 * it, not the time the run started: a run may write minutes after it started, and the change feed's
 * at-least-once promise (docs/changes.md) needs positions that follow the order writes become visible.
 */
async function writeItems(
  db: TableAccess,
  writes: readonly ItemWrite[],
  toItem: (w: PutWrite) => Record<string, unknown>,
  now: () => Date = () => new Date(),
): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { written: 0, conflicts: [] };
  for (let i = 0; i < writes.length; i += 100) {
    const at = now().toISOString();
    const chunk = writes
      .slice(i, i + 100)
      .map((w) =>
        w.op === 'put'
          ? { id: w.id, put: putInput(db.table, w, { ...toItem(w), changedAt: `${at}#${w.id}` }) }
          : { id: w.id, update: tombstoneInput(db.table, w, at) },
      );
    try {
      await db.doc.send(
        new TransactWriteCommand({ TransactItems: chunk.map((w) => (w.put ? { Put: w.put } : { Update: w.update })) }),
      );
      outcome.written += chunk.length;
    } catch (e) {
      if (
        !(e instanceof TransactionCanceledException) ||
        !e.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')
      )
        throw e;
      for (const w of chunk) {
        try {
          if (w.put) await db.doc.send(new PutCommand(w.put));
          else await db.doc.send(new UpdateCommand(w.update));
          outcome.written++;
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
          outcome.conflicts.push(w.id);
        }
      }
    }
  }
  return outcome;
}

function putInput(table: string, w: PutWrite, item: Record<string, unknown>) {
  return {
    TableName: table,
    Item: { ...item, version: (w.expectedVersion ?? 0) + 1 },
    ...(w.expectedVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': w.expectedVersion } }),
  };
}

/** A tombstone keeps the record (with its removal time) but takes it out of every list index. */
function tombstoneInput(table: string, w: Extract<ItemWrite, { op: 'tombstone' }>, at: string) {
  return {
    TableName: table,
    Key: keys[w.kind](w.id),
    UpdateExpression:
      'SET #doc.removedAt = :at, removed = :true, version = :next, changedAt = :changed REMOVE parentKey, provinceKey, kindKey, orderKey, rankKey',
    ConditionExpression: 'version = :v',
    ExpressionAttributeNames: { '#doc': 'doc' },
    ExpressionAttributeValues: {
      ':at': w.removedAt,
      ':true': true,
      ':v': w.expectedVersion,
      ':next': w.expectedVersion + 1,
      ':changed': `${at}#${w.id}`,
    },
  };
}

async function existingItems(db: TableAccess, sourceId: string, kind: ItemKind): Promise<Map<string, ExistingItem>> {
  const out = new Map<string, ExistingItem>();
  const items = await queryAll(db, {
    IndexName: 'bySource',
    KeyConditionExpression: 'sourceKey = :s',
    ExpressionAttributeValues: { ':s': sourcePartition(sourceId, kind) },
  });
  for (const i of items) {
    out.set(String(i.id), {
      id: String(i.id),
      contentHash: String(i.contentHash),
      version: Number(i.version ?? 0),
      removed: i.removed === true,
    });
  }
  return out;
}

/** Every item a query finds, page after page. */
async function queryAll(
  db: TableAccess,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
