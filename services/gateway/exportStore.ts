/**
 * The export bucket in S3: the sink the export job writes through (exportJob.ts) and its manifest. Each
 * object carries the headers CloudFront passes on (Content-Type, Content-Disposition, Cache-Control); S3
 * gives each its ETag and Last-Modified, so conditional requests cost a 304.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { log } from '../core/log';
import { EXPORT_MANIFEST_KEY, type ExportManifest, type ExportSink } from './exportJob';

export interface ExportStore extends ExportSink {
  /** The last export's manifest, or null before the first. */
  readManifest(): Promise<ExportManifest | null>;
  writeManifest(manifest: ExportManifest): Promise<void>;
}

export function s3ExportStore(s3: S3Client, bucket: string): ExportStore {
  return {
    async put(key, body, headers) {
      const size = 'path' in body ? (await stat(body.path)).size : Buffer.byteLength(body.text);
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: 'path' in body ? createReadStream(body.path) : body.text,
          ContentLength: size,
          ContentType: headers.contentType,
          ContentDisposition: headers.contentDisposition,
          CacheControl: headers.cacheControl,
        }),
      );
      return size;
    },
    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async readManifest() {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: EXPORT_MANIFEST_KEY }));
        return JSON.parse(await out.Body!.transformToString()) as ExportManifest;
      } catch (e) {
        // Without s3:ListBucket a missing object is a 403, not a 404: the job may read only its own keys.
        const status = e instanceof S3ServiceException ? e.$metadata.httpStatusCode : undefined;
        if (e instanceof S3ServiceException && (e.name === 'NoSuchKey' || status === 404 || status === 403)) {
          // A 403 is also what a broken policy gives: say so, since the job then exports on every run.
          if (status === 403) log.warn('export: no manifest readable (403); exporting as if none', { bucket });
          return null;
        }
        throw e;
      }
    },
    async writeManifest(manifest) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: EXPORT_MANIFEST_KEY,
          Body: JSON.stringify(manifest),
          ContentType: 'application/json',
        }),
      );
    },
  };
}
