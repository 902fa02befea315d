/**
 * The change feed for clients, over the `byChange` index: each harvested item of a kind sits there once,
 * at its latest write or removal (`changedAt` is `<ISO time>#<id>`). One page merges the requested
 * kinds' partitions in `changedAt` order; its cursor holds the position reached in each partition, so a
 * client resumes exactly where it stopped. Entries newer than the horizon (now − the settle time) are
 * held back: see docs/changes.md for why that makes delivery at-least-once.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { BadUserInputError } from '../../core/errors';
import { changePartition } from '../../core/dynamo/items';
import type { TableAccess } from '../../core/dynamo/loader';
import { INDEXES } from '../../core/dynamo/table';
import { decodeCursor, encodeCursor, listFingerprint } from '../../core/cursor';
import type { Page, PageRequest } from '../../core/paging';

export const CHANGE_KINDS = ['PROPOSAL', 'BUDGET', 'BUDGET_PROJECT'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The kind's name in the table (`CHANGE#<kind>` partitions). */
const STORED_KIND = { PROPOSAL: 'proposal', BUDGET: 'budget', BUDGET_PROJECT: 'project' } as const;

/** One entry of the feed, as the API shows it. */
export interface ChangeEntry {
  id: string;
  kind: ChangeKind;
  /** ISO time of the write or removal. */
  changedAt: string;
  removedAt: string | null;
}

export interface ChangeFeed {
  /**
   * The changes of `kinds` after `page.after`, oldest first, up to and including `horizon` (an ISO
   * time). An empty page keeps the cursor it was given as `endCursor`, so a poller never loses its place.
   */
  page(kinds: readonly ChangeKind[], page: PageRequest, horizon: string): Promise<Page<ChangeEntry>>;
}

type Positions = Partial<Record<ChangeKind, string>>;
type Item = Record<string, unknown>;

const POSITION = /^\d{4}-\d\d-\d\dT[\d:.]+Z#\S+$/;

export function dynamoChangeFeed(db: TableAccess): ChangeFeed {
  const { pk, sk } = INDEXES.byChange;

  async function after(kind: ChangeKind, position: string | undefined, limit: number): Promise<Item[]> {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: 'byChange',
        KeyConditionExpression: position === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :after',
        ExpressionAttributeNames: { '#pk': pk, ...(position !== undefined && { '#sk': sk }) },
        ExpressionAttributeValues: {
          ':pk': changePartition(STORED_KIND[kind]),
          ...(position !== undefined && { ':after': position }),
        },
        ScanIndexForward: true,
        Limit: limit,
      }),
    );
    return (out.Items ?? []) as Item[];
  }

  return {
    async page(kinds, { first, after: cursor }, horizon) {
      const wanted = [...new Set(kinds)].sort();
      const list = listFingerprint(['changes', wanted]);
      const start = cursor ? positionsOf(decodeCursor(list, cursor), wanted) : {};
      // Everything at or before the horizon: `<horizon>#` + any id sorts at most `<horizon>#\uffff`.
      const limitKey = `${horizon}#\uffff`;
      const fetched = await Promise.all(
        wanted.map(async (kind) =>
          (await after(kind, start[kind], first + 1))
            .map((item) => ({ kind, position: String(item.changedAt), item }))
            .filter((e) => e.position <= limitKey),
        ),
      );
      // Each kind gave up to first + 1 entries in order, so the first `first` of the merge are exact.
      const merged = fetched.flat().sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
      const positions: Positions = { ...start };
      const items = merged.slice(0, first).map(({ kind, position, item }) => {
        positions[kind] = position;
        return { node: entryOf(kind, position, item), cursor: encodeCursor(list, { ...positions }) };
      });
      return {
        items,
        hasNextPage: merged.length > first,
        endCursor: items.at(-1)?.cursor ?? cursor ?? null,
      };
    },
  };
}

function entryOf(kind: ChangeKind, position: string, item: Item): ChangeEntry {
  const hash = position.indexOf('#');
  const doc = item.doc as { removedAt?: unknown } | undefined;
  const removedAt = item.removed === true && typeof doc?.removedAt === 'string' ? doc.removedAt : null;
  return { id: position.slice(hash + 1), kind, changedAt: position.slice(0, hash), removedAt };
}

/** A decoded cursor must hold feed positions of the requested kinds only. */
function positionsOf(key: Record<string, string>, kinds: readonly ChangeKind[]): Positions {
  const positions: Positions = {};
  for (const [kind, position] of Object.entries(key)) {
    if (!kinds.includes(kind as ChangeKind) || !POSITION.test(position)) {
      throw new BadUserInputError(
        '`after` is not a cursor this API issued. Pass an `endCursor` or edge `cursor` from a previous page.',
      );
    }
    positions[kind as ChangeKind] = position;
  }
  return positions;
}
