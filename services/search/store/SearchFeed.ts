/**
 * Where the search index comes from: the listed items of each kind (to load) and the change feed (to
 * refresh), in the domain's words, with one DynamoDB implementation. Every read is a paged Query on
 * one index partition, never a Scan.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../../core/dynamo/batchGet';
import { budgetOf, changePartition, keys, partitions, projectOf, proposalOf } from '../../core/dynamo/items';
import type { TableAccess } from '../../core/dynamo/loader';
import { INDEXES } from '../../core/dynamo/table';
import { log } from '../../core/log';
import type { Budget, BudgetProject, Proposal } from '../../core/model';

export type FeedKind = 'proposal' | 'project';

export type FeedRecord = { kind: 'proposal'; proposal: Proposal } | { kind: 'project'; project: BudgetProject };

/** One entry of the change feed: an item at its latest write. */
export interface FeedChange {
  /** `<ISO time>#<id>`: the feed's sort key. */
  changedAt: string;
  id: string;
  /** Removed (tombstoned) items must leave the index. */
  removed: boolean;
  /** The item, or null when it is removed or could not be read. */
  record: FeedRecord | null;
}

export interface SearchFeed {
  /** Every listed (not removed) item of a kind, page by page. */
  listed(kind: FeedKind): AsyncIterable<FeedRecord[]>;
  /** The feed of a kind from `since` (inclusive, a `changedAt` or a bare ISO time) on, in order, page by page. */
  changedSince(kind: FeedKind, since: string): AsyncIterable<FeedChange[]>;
  /** The latest `changedAt` of a kind, null when there is none. */
  latestChange(kind: FeedKind): Promise<string | null>;
  /** The date of each listed budget: created, else voting start; what projects are dated by. */
  budgetDates(): Promise<Map<string, string | null>>;
  /** The dates of these budgets (removed ones included), for projects whose budget is new. */
  budgetDatesOf(ids: readonly string[]): Promise<Map<string, string | null>>;
}

type Item = Record<string, unknown>;

const KIND_PARTITION: Record<FeedKind, string> = { proposal: partitions.proposals, project: partitions.projects };

export const budgetDate = (b: Budget): string | null => b.createdAt ?? b.votingPeriod?.start ?? null;

/** Decodes an item, logging and skipping one that does not validate: one bad record must not stop a load. */
function recordOf(kind: FeedKind, item: Item): FeedRecord | null {
  try {
    return kind === 'proposal' ? { kind, proposal: proposalOf(item) } : { kind, project: projectOf(item) };
  } catch (e) {
    log.warn('search: skipped an item that does not validate', { id: item.id, error: (e as Error).message });
    return null;
  }
}

export function dynamoSearchFeed(db: TableAccess): SearchFeed {
  async function* pages(
    index: 'byKind' | 'byChange',
    partition: string,
    from?: string,
    descending = false,
    limit?: number,
  ): AsyncIterable<Item[]> {
    const { pk, sk } = INDEXES[index];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await db.doc.send(
        new QueryCommand({
          TableName: db.table,
          IndexName: index,
          KeyConditionExpression: from === undefined ? '#pk = :pk' : '#pk = :pk AND #sk >= :from',
          ExpressionAttributeNames: { '#pk': pk, ...(from !== undefined && { '#sk': sk }) },
          ExpressionAttributeValues: { ':pk': partition, ...(from !== undefined && { ':from': from }) },
          ScanIndexForward: !descending,
          ExclusiveStartKey: startKey,
          ...(limit !== undefined && { Limit: limit }),
        }),
      );
      yield (out.Items ?? []) as Item[];
      startKey = limit === undefined ? out.LastEvaluatedKey : undefined;
    } while (startKey);
  }

  return {
    async *listed(kind) {
      for await (const items of pages('byKind', KIND_PARTITION[kind])) {
        yield items.flatMap((item) => recordOf(kind, item) ?? []);
      }
    },
    async *changedSince(kind, since) {
      for await (const items of pages('byChange', changePartition(kind), since)) {
        yield items.map((item) => {
          const removed = item.removed === true;
          return {
            changedAt: String(item.changedAt),
            id: String(item.id),
            removed,
            record: removed ? null : recordOf(kind, item),
          };
        });
      }
    },
    async latestChange(kind) {
      for await (const items of pages('byChange', changePartition(kind), undefined, true, 1)) {
        return items[0] ? String(items[0].changedAt) : null;
      }
      return null;
    },
    async budgetDates() {
      const dates = new Map<string, string | null>();
      for await (const items of pages('byKind', partitions.budgets)) {
        for (const item of items) {
          const b = budgetOf(item);
          dates.set(b.id, budgetDate(b));
        }
      }
      return dates;
    },
    async budgetDatesOf(ids) {
      const items = await batchGet(db.doc, db.table, ids.map(keys.budget));
      const dates = new Map<string, string | null>();
      for (const item of items) {
        if (!item) continue;
        const b = budgetOf(item);
        dates.set(b.id, budgetDate(b));
      }
      return dates;
    },
  };
}
