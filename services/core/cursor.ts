/**
 * Opaque cursors. A cursor carries the position to continue after (a DynamoDB key, feed positions, a
 * search offset) and a fingerprint of the list it belongs to, sealed so that a client can neither read
 * it nor change it: a tampered cursor, or one from another list, is refused with a clear 400 instead of
 * reaching DynamoDB (where a foreign key is a ValidationException, a 500) or returning the wrong page.
 *
 * Format 2: base64url of `0x02 ‖ tag(16) ‖ AES-256-CTR(payload, iv = tag)`, where
 * `tag = HMAC-SHA256(macKey, 0x02 ‖ payload)[0..16]` and the payload is `fingerprint \n JSON(position)`.
 * It is deterministic (a synthetic IV, as in SIV), so one page always gives the same cursors and a cached
 * answer keeps its ETag; both keys derive (HKDF) from the deployment's secret, INSPRAAK_CURSOR_SECRET.
 * Format 1 (base64url JSON naming the key attributes, before 2026-11-30) is refused with its own message.
 */
import { createCipheriv, createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { BadUserInputError } from './errors';

export type Key = Record<string, string>;

const VERSION = 2;
const TAG_BYTES = 16;
/** Used when a process is given no secret: local development and tests only (the CDK app always sets one). */
export const DEVELOPMENT_CURSOR_SECRET = 'inspraak-local-development-cursor-secret';

interface CursorKeys {
  readonly mac: Buffer;
  readonly enc: Buffer;
}
let secret = DEVELOPMENT_CURSOR_SECRET;
let keys: CursorKeys | undefined;

/**
 * Sets the secret cursors are sealed with (the composition root does, from INSPRAAK_CURSOR_SECRET).
 * Every process of one deployment must share it, or one's cursors are refused by another. Keys are
 * derived lazily, on the first cursor, so a cold start pays nothing for them.
 */
export function configureCursors(deploymentSecret: string | undefined): void {
  const next = deploymentSecret || DEVELOPMENT_CURSOR_SECRET;
  if (next !== secret) keys = undefined;
  secret = next;
}

function cursorKeys(): CursorKeys {
  keys ??= {
    mac: Buffer.from(hkdfSync('sha256', secret, 'inspraak', 'cursor-mac-v2', 32)),
    enc: Buffer.from(hkdfSync('sha256', secret, 'inspraak', 'cursor-enc-v2', 32)),
  };
  return keys;
}

const positionSchema = z.record(z.string(), z.string());

/** A short fingerprint of a list's identity: its index, partition, order and filters. */
export function listFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

function tagOf(payload: Buffer): Buffer {
  return createHmac('sha256', cursorKeys().mac)
    .update(Buffer.of(VERSION))
    .update(payload)
    .digest()
    .subarray(0, TAG_BYTES);
}

/** CTR with a 16-byte IV: the same call seals and opens. */
function ctr(iv: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-ctr', cursorKeys().enc, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function encodeCursor(list: string, key: Key): string {
  const payload = Buffer.from(`${list}\n${JSON.stringify(key)}`, 'utf8');
  const tag = tagOf(payload);
  return Buffer.concat([Buffer.of(VERSION), tag, ctr(tag, payload)]).toString('base64url');
}

const NOT_OURS = '`after` is not a cursor this API issued. Pass an `endCursor` or edge `cursor` from a previous page.';

/**
 * The payload of a cursor this deployment sealed; throws BadUserInputError for anything else (tampered,
 * cut short, sealed elsewhere, the old readable format). The gateway runs it on every `after` of our
 * subgraphs' fields before executing, so a forged cursor is a 400 before any subgraph is called.
 */
export function openCursor(cursor: string): string {
  const notOurs = () => new BadUserInputError(NOT_OURS);
  if (cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw notOurs();
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes[0] === 0x7b /* '{': format 1, plain JSON */) {
    throw new BadUserInputError(
      '`after` is a cursor from an earlier version of this API, which is no longer accepted. Query the first page again (without `after`) and page on from its cursors.',
    );
  }
  if (bytes[0] !== VERSION || bytes.length <= 1 + TAG_BYTES) throw notOurs();
  const tag = bytes.subarray(1, 1 + TAG_BYTES);
  const payload = ctr(tag, bytes.subarray(1 + TAG_BYTES));
  if (!timingSafeEqual(tagOf(payload), tag)) throw notOurs();
  return payload.toString('utf8');
}

/** Decodes a cursor of `list`; throws BadUserInputError for anything else. */
export function decodeCursor(list: string, cursor: string): Key {
  const notOurs = (cause?: unknown) => new BadUserInputError(NOT_OURS, { cause });
  const text = openCursor(cursor);
  const newline = text.indexOf('\n');
  let position: unknown;
  try {
    position = JSON.parse(text.slice(newline + 1));
  } catch (e) {
    throw notOurs(e); // sealed by us, so unreachable unless the secret leaked
  }
  const parsed = positionSchema.safeParse(position);
  if (newline < 0 || !parsed.success) throw notOurs(parsed.error);
  if (text.slice(0, newline) !== list) {
    throw new BadUserInputError(
      '`after` belongs to a different list (other filters or order). Use cursors only with the query that returned them.',
    );
  }
  return parsed.data;
}
