/** A per-request DataLoader over BatchGetItem: N lookups in one tick cost ⌈N/100⌉ round trips. */
import DataLoader from 'dataloader';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, type ItemKey } from './batchGet';

/** Where a store reads: the document client and the table name. */
export interface TableAccess {
  doc: DynamoDBDocumentClient;
  table: string;
}

export function itemLoader<T>(
  db: TableAccess,
  keyOf: (id: string) => ItemKey,
  decode: (item: Record<string, unknown>) => T,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => (await batchGet(db.doc, db.table, ids.map(keyOf))).map((item) => (item ? decode(item) : null)),
    { maxBatchSize: 100 },
  );
}
