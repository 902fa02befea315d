/**
 * BatchGetItem in chunks of 100, retrying unprocessed keys with backoff, returning items in key order
 * (null where absent). This is what DataLoaders call, so N lookups cost ⌈N/100⌉ round trips.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DependencyError } from '../errors';

export type ItemKey = { pk: string; sk: string };
type Item = Record<string, unknown>;

const MAX_ATTEMPTS = 6;

export async function batchGet(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly ItemKey[],
): Promise<(Item | null)[]> {
  const found = new Map<string, Item>();
  for (let i = 0; i < keys.length; i += 100) {
    let pending: ItemKey[] = dedupe(keys.slice(i, i + 100));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS)
        throw new DependencyError(
          'DynamoDB',
          `DynamoDB left ${pending.length} keys unprocessed after ${MAX_ATTEMPTS} attempts`,
        );
      if (attempt > 0) await sleep(25 * 2 ** attempt);
      const out = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
      for (const item of out.Responses?.[table] ?? []) found.set(keyString(item as ItemKey), item);
      pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as ItemKey[];
    }
  }
  return keys.map((k) => found.get(keyString(k)) ?? null);
}

function dedupe(keys: ItemKey[]): ItemKey[] {
  const m = new Map(keys.map((k) => [keyString(k), k]));
  return [...m.values()];
}

const keyString = (k: ItemKey) => `${k.pk}\u0000${k.sk}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
