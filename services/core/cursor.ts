/**
 * Opaque cursors. A cursor carries the DynamoDB key to continue after and a fingerprint of the list it
 * belongs to, so a cursor from one list (or a tampered one) is refused with a clear error instead of
 * silently returning the wrong page.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BadUserInputError } from './errors';

export type Key = Record<string, string>;

const payloadSchema = z.object({ v: z.literal(1), l: z.string(), k: z.record(z.string(), z.string()) });

/** A short fingerprint of a list's identity: its index, partition, order and filters. */
export function listFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

export function encodeCursor(list: string, key: Key): string {
  return Buffer.from(JSON.stringify({ v: 1, l: list, k: key })).toString('base64url');
}

/** Decodes a cursor of `list`; throws BadUserInputError for anything else. */
export function decodeCursor(list: string, cursor: string): Key {
  const notOurs = (cause?: unknown) =>
    new BadUserInputError(
      '`after` is not a cursor this API issued. Pass an `endCursor` or edge `cursor` from a previous page.',
      { cause },
    );
  if (cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw notOurs();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (e) {
    throw notOurs(e);
  }
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    throw notOurs(parsed.error);
  }
  if (parsed.data.l !== list) {
    throw new BadUserInputError(
      '`after` belongs to a different list (other filters or order). Use cursors only with the query that returned them.',
    );
  }
  return parsed.data.k;
}
