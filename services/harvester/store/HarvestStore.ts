/**
 * What the harvester reads and writes in the table, in its own words. Item writes are conditional on
 * the version the harvester read, and a source is harvested only under a lease, so two concurrent runs
 * can neither interleave on one source nor overwrite each other's newer data.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { keys, partitions, sourceItem, sourceOf, sourcePartition } from '../../core/dynamo/items';
import type { TableAccess } from '../../core/dynamo/loader';
import type { ItemKind } from '../../core/ids';
import type { HarvestStatus, Source } from '../../core/model';

export interface ExistingItem {
  id: string;
  contentHash: string;
  version: number;
  removed: boolean;
}

/** A change to one item: a full put of a new or changed record, or a tombstone of a listed one. */
export type ItemWrite =
  | { op: 'put'; id: string; item: Record<string, unknown>; expectedVersion: number | null }
  | {
      op: 'tombstone';
      id: string;
      key: { pk: string; sk: string };
      removedAt: string;
      expectedVersion: number;
      /** The change-feed time of the removal; `removedAt` when not given. */
      changedAt?: string;
    };

export interface WriteOutcome {
  written: number;
  /** Items another run changed since we read them; left as that run wrote them. */
  conflicts: string[];
}

/**
 * Writes in transactions of up to 100 items, each conditional on the version read before. A transaction
 * that fails on a condition is retried item by item, so a conflict costs only the conflicting items.
 * Each item's change-feed position (`changedAt`) is the time of its write, read from `now` just before
 * it, not the time the run started: a run may write minutes after it started, and the change feed's
 * at-least-once promise (docs/changes.md) needs positions that follow the order writes become visible.
 */
export async function writeItems(
  db: TableAccess,
  writes: readonly ItemWrite[],
  now: () => Date = () => new Date(),
): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { written: 0, conflicts: [] };
  for (let i = 0; i < writes.length; i += 100) {
    const at = now().toISOString();
    const chunk = writes.slice(i, i + 100).map((w) => stamped(w, at));
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: chunk.map((w) => transactItem(db.table, w)) }));
      outcome.written += chunk.length;
    } catch (e) {
      if (
        !(e instanceof TransactionCanceledException) ||
        !e.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')
      )
        throw e;
      for (const w of chunk) {
        try {
          if (w.op === 'put') await db.doc.send(new PutCommand(putInput(db.table, w)));
          else await db.doc.send(new UpdateCommand(tombstoneInput(db.table, w)));
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

function stamped(w: ItemWrite, at: string): ItemWrite {
  return w.op === 'put' ? { ...w, item: { ...w.item, changedAt: `${at}#${w.id}` } } : { ...w, changedAt: at };
}

function transactItem(table: string, w: ItemWrite) {
  return w.op === 'put' ? { Put: putInput(table, w) } : { Update: tombstoneInput(table, w) };
}

function putInput(table: string, w: Extract<ItemWrite, { op: 'put' }>) {
  return {
    TableName: table,
    Item: { ...w.item, version: (w.expectedVersion ?? 0) + 1 },
    ...(w.expectedVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': w.expectedVersion } }),
  };
}

/** A tombstone keeps the record (with its removal time) but takes it out of every list index. */
function tombstoneInput(table: string, w: Extract<ItemWrite, { op: 'tombstone' }>) {
  return {
    TableName: table,
    Key: w.key,
    UpdateExpression:
      'SET #doc.removedAt = :at, removed = :true, version = :next, changedAt = :changed REMOVE parentKey, provinceKey, kindKey, orderKey, rankKey',
    ConditionExpression: 'version = :v',
    ExpressionAttributeNames: { '#doc': 'doc' },
    ExpressionAttributeValues: {
      ':at': w.removedAt,
      ':true': true,
      ':v': w.expectedVersion,
      ':next': w.expectedVersion + 1,
      ':changed': `${w.changedAt ?? w.removedAt}#${w.id}`,
    },
  };
}

/** Every item of a source and kind, removed ones included (the by-source index). */
export async function existingItems(
  db: TableAccess,
  sourceId: string,
  kind: ItemKind,
): Promise<Map<string, ExistingItem>> {
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

/** The stored source, or null. */
export async function getSource(db: TableAccess, id: string): Promise<Source | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.source(id), ConsistentRead: true }));
  return out.Item ? sourceOf(out.Item) : null;
}

/** Writes a source's registration (name, platform, URL, municipality), keeping its harvest status. */
export async function registerSource(
  db: TableAccess,
  source: Omit<Source, 'harvest' | 'platformVersion'>,
  pending: HarvestStatus,
): Promise<Source> {
  const existing = await getSource(db, source.id);
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
}

/** Records a finished harvest in the source's status (and platform version). */
export async function saveSourceStatus(db: TableAccess, source: Source): Promise<void> {
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
}

/**
 * Takes the source's harvest lease for `ms`, unless another run holds it. Returns false when it is held:
 * two runs never harvest one source at the same time.
 */
export async function acquireLease(
  db: TableAccess,
  sourceId: string,
  owner: string,
  now: number,
  ms: number,
): Promise<boolean> {
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
}

export async function releaseLease(db: TableAccess, sourceId: string, owner: string): Promise<void> {
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
}

/** Every registered source (the by-kind index's source partition), retired ones included: id and harvest state. */
export async function registeredSources(db: TableAccess): Promise<{ id: string; state: string }[]> {
  const items = await queryAll(db, {
    IndexName: 'byKind',
    KeyConditionExpression: 'kindKey = :k',
    ExpressionAttributeValues: { ':k': partitions.sources },
    ExpressionAttributeNames: { '#state': 'state' },
    ProjectionExpression: 'orderKey, #state',
  });
  return items.map((i) => ({ id: String(i.orderKey), state: String(i.state) }));
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
