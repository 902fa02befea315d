/**
 * One page of a list, read from one index partition with Query (never Scan). Filters that the index
 * cannot serve are applied by DynamoDB as a FilterExpression; the read stops after `maxItemsRead` items
 * so a very selective filter cannot make one request read a whole partition. In that case the page is
 * short, `hasNextPage` is true and the cursor continues where the read stopped.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BadUserInputError } from '../errors';
import { decodeCursor, encodeCursor, listFingerprint, type Key } from '../cursor';
import type { Page, PageRequest } from '../paging';
import { INDEXES, type IndexName } from './table';

export interface Condition {
  /** A FilterExpression fragment using `#name` and `:value` placeholders. */
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The condition `attribute = value`, for a top-level attribute. */
export function equals(attribute: string, value: string): Condition {
  return {
    expression: `#${attribute} = :${attribute}`,
    names: { [`#${attribute}`]: attribute },
    values: { [`:${attribute}`]: value },
  };
}

export interface ListQuery {
  index: IndexName;
  partition: string;
  /** Restricts the sort key, e.g. a time range on `orderKey`. */
  sortRange?: { from?: string; to?: string };
  filters?: Condition[];
  /** Descending sort-key order (newest or highest first). */
  descending: boolean;
}

export interface PageQueryOptions {
  maxItemsRead?: number;
}

type Item = Record<string, unknown>;

export async function pageQuery<T>(
  doc: DynamoDBDocumentClient,
  table: string,
  list: ListQuery,
  page: PageRequest,
  decode: (item: Item) => T,
  { maxItemsRead = 1000 }: PageQueryOptions = {},
): Promise<Page<T>> {
  const idx = INDEXES[list.index];
  const fingerprint = listFingerprint([
    list.index,
    list.partition,
    list.sortRange ?? null,
    list.filters ?? [],
    list.descending,
  ]);
  let startKey: Key | undefined = page.after
    ? checkedKey(decodeCursor(fingerprint, page.after), idx, list.partition)
    : undefined;

  const names: Record<string, string> = { '#pk': idx.pk };
  const values: Record<string, unknown> = { ':pk': list.partition };
  let keyCondition = '#pk = :pk';
  const { from, to } = list.sortRange ?? {};
  if (from !== undefined || to !== undefined) {
    names['#sk'] = idx.sk;
    if (from !== undefined && to !== undefined) {
      keyCondition += ' AND #sk BETWEEN :from AND :to';
      values[':from'] = from;
      values[':to'] = to;
    } else if (from !== undefined) {
      keyCondition += ' AND #sk >= :from';
      values[':from'] = from;
    } else {
      keyCondition += ' AND #sk <= :to';
      values[':to'] = to;
    }
  }
  const filters = list.filters ?? [];
  for (const f of filters) {
    Object.assign(names, f.names);
    Object.assign(values, f.values);
  }

  const wanted = page.first + 1;
  const collected: Item[] = [];
  let read = 0;
  let lastKey: Key | undefined;
  do {
    const out = await doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: list.index,
        KeyConditionExpression: keyCondition,
        ...(filters.length > 0 && { FilterExpression: filters.map((f) => `(${f.expression})`).join(' AND ') }),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: !list.descending,
        ExclusiveStartKey: startKey,
        Limit: filters.length > 0 ? Math.min(200, maxItemsRead - read) : wanted - collected.length,
      }),
    );
    read += out.ScannedCount ?? 0;
    collected.push(...((out.Items ?? []) as Item[]));
    lastKey = out.LastEvaluatedKey as Key | undefined;
    startKey = lastKey;
  } while (collected.length < wanted && lastKey && read < maxItemsRead);

  const keyOf = (item: Item): Key => {
    const k: Key = {
      pk: String(item.pk),
      sk: String(item.sk),
      [idx.pk]: String(item[idx.pk]),
      [idx.sk]: String(item[idx.sk]),
    };
    return k;
  };
  const items = collected
    .slice(0, page.first)
    .map((item) => ({ node: decode(item), cursor: encodeCursor(fingerprint, keyOf(item)) }));
  if (collected.length > page.first) {
    return { items, hasNextPage: true, endCursor: items.at(-1)!.cursor };
  }
  if (lastKey) {
    // The read budget ran out before the page filled: continue from where DynamoDB stopped.
    return { items, hasNextPage: true, endCursor: encodeCursor(fingerprint, lastKey) };
  }
  return { items, hasNextPage: false, endCursor: items.at(-1)?.cursor ?? null };
}

/** A decoded cursor must name exactly this index's key attributes and this partition. */
function checkedKey(key: Key, idx: { pk: string; sk: string }, partition: string): Key {
  const expected = new Set(['pk', 'sk', idx.pk, idx.sk]);
  const names = Object.keys(key);
  if (names.length !== expected.size || !names.every((n) => expected.has(n)) || key[idx.pk] !== partition) {
    throw new BadUserInputError(
      '`after` is not a cursor this API issued. Pass an `endCursor` or edge `cursor` from a previous page.',
    );
  }
  return key;
}
