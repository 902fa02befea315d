/**
 * The search index snapshot in S3: written by the snapshot job after harvests (snapshotLambda.ts),
 * read at init by whatever serves search on Lambda (the gateway in the single topology, the search
 * function in the split one), which then catches up from the change feed. The snapshot's format is
 * LiveSearchIndex's (`saveSnapshot` / `snapshotPath`); this file only moves it between S3 and a local
 * file, since LiveSearchIndex reads and writes files.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { log } from '../core/log';

// The S3 client is loaded when first needed: processes without a snapshot bucket (the sandbox, the
// gateway's cold start benchmark) never pay for loading it. `require`, not `import()`: on Lambda the SDK
// comes from the runtime's NODE_PATH, which only CommonJS resolution reads (the bundles are CommonJS).
const sdk = async () => require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');

export interface SnapshotLocation {
  bucket: string;
  key: string;
}

/** One S3 client per process (built by the composition root that needs it). */
export async function snapshotS3(region: string): Promise<S3Client> {
  const { S3Client } = await sdk();
  return new S3Client({ region });
}

/**
 * Downloads the snapshot to `path`. Resolves true when there is one, false when the bucket holds none
 * yet (a fresh deployment before its first snapshot job: the index then loads from DynamoDB).
 */
export async function downloadSnapshot(s3: S3Client, at: SnapshotLocation, path: string): Promise<boolean> {
  const started = Date.now();
  const { GetObjectCommand, S3ServiceException } = await sdk();
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.key }));
    // Streamed to the file: collecting ~100 MB in memory first (transformToByteArray) cost ≈0.3 s of
    // CPU in copying and garbage collection on the cold search's path (bench:coldstart --search-items).
    await pipeline(out.Body as Readable, createWriteStream(path));
    const { size } = await stat(path);
    log.info('search: snapshot downloaded', { key: at.key, bytes: size, ms: Date.now() - started });
    return true;
  } catch (e) {
    if (e instanceof S3ServiceException && (e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404)) {
      log.warn('search: no snapshot in the bucket yet; the index loads from DynamoDB', { key: at.key });
      return false;
    }
    throw e;
  }
}

/** Uploads the snapshot file at `path`; returns its size in bytes. */
export async function uploadSnapshot(s3: S3Client, at: SnapshotLocation, path: string): Promise<number> {
  const { PutObjectCommand } = await sdk();
  const body = await readFile(path);
  await s3.send(
    new PutObjectCommand({ Bucket: at.bucket, Key: at.key, Body: body, ContentType: 'application/octet-stream' }),
  );
  return body.length;
}
