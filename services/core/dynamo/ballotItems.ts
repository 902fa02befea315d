/**
 * How a budget's anonymous ballots lie in the table: deflated JSON under `BALLOTS#<budget id>`, cut into
 * chunks of at most 300 KB (under DynamoDB's 400 KB item limit) with sort keys `#000`, `#001`, …; the
 * first chunk says how many there are. The items carry no index attributes, so no list ever shows them.
 * Ballots hold project indexes only: never a voter id, a time or an order of voting.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { anonymousBallotsSchema, type AnonymousBallots } from '../model';

const CHUNK_BYTES = 300_000;

export const ballotsPartition = (budgetId: string) => `BALLOTS#${budgetId}`;
const chunkKey = (i: number) => `#${String(i).padStart(3, '0')}`;

/** The items that hold `ballots`, first chunk first. */
export function ballotItems(ballots: AnonymousBallots): Record<string, unknown>[] {
  const bytes = deflateSync(Buffer.from(JSON.stringify(anonymousBallotsSchema.parse(ballots))));
  const chunks = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
  return Array.from({ length: chunks }, (_, i) => ({
    pk: ballotsPartition(ballots.budgetId),
    sk: chunkKey(i),
    type: 'Ballots',
    ...(i === 0 && { chunks }),
    data: new Uint8Array(bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)),
  }));
}

/** The ballots in `items` (a budget's ballot items in sort-key order), or null when incomplete. */
export function ballotsOf(items: readonly Record<string, unknown>[]): AnonymousBallots | null {
  const chunks = Number(items[0]?.chunks ?? 0);
  if (chunks === 0 || items.length < chunks) return null;
  const bytes = Buffer.concat(items.slice(0, chunks).map((i) => Buffer.from(i.data as Uint8Array)));
  return anonymousBallotsSchema.parse(JSON.parse(inflateSync(bytes).toString('utf8')));
}
