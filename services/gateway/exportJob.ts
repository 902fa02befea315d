/**
 * The export job's work (exportLambda.ts runs it on AWS): every bulk export — each kind of
 * exportBulk.ts in NDJSON and CSV, each also gzipped — and every budget's `.pb` file, written through a
 * sink (S3 on AWS) under the same keys as the URLs that serve them (`export/proposals.csv` answers
 * `GET /export/proposals.csv`), so CloudFront can serve the bucket under the API's own domain.
 *
 * Each kind is read from the API once (the gateway in this process, page by page, as the streamed route
 * does) and written to four local files at the same time; a file is uploaded only when it is whole, so
 * the bucket never holds a truncated export. The manifest, written last, says which data version the
 * files show and how many items each holds; it lives outside `export/`, where nobody but the job reads it.
 */
import type { ApolloServer } from '@apollo/server';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';
import type { DataVersion } from '../core/dynamo/dataVersion';
import { log } from '../core/log';
import { budgetPabulib, PB_CONTENT_TYPE, pbFileName } from './exportBudget';
import { EXPORT_KINDS, exportNodes } from './exportBulk';
import {
  EXPORT_CACHE_CONTROL,
  EXPORT_FORMATS,
  encoder,
  exportFileName,
  exportHeaders,
  type ExportFileName,
} from './exportFormats';

/** Where the files go: `put` uploads a whole local file (or a text) under `key`, `remove` deletes one. */
export interface ExportSink {
  put(key: string, body: { path: string } | { text: string }, headers: ExportObjectHeaders): Promise<number>;
  remove(key: string): Promise<void>;
}

export interface ExportObjectHeaders {
  contentType: string;
  contentDisposition: string;
  cacheControl: string;
}

/** What the last export wrote: its data version, when, and each file's item count and size. */
export interface ExportManifest {
  dataVersion: number;
  writtenAt: string;
  files: Record<string, { items: number; bytes: number }>;
  /** The keys of the `.pb` files written (removed next time for budgets no longer listed). */
  budgetFiles: string[];
}

/** The prefix CloudFront serves (`/export/*`): keys are the URL paths without their leading slash. */
export const EXPORT_PREFIX = 'export/';
/** The manifest's key: outside EXPORT_PREFIX, so it is not public. */
export const EXPORT_MANIFEST_KEY = 'manifests/export.json';
/** The key of a bulk export file, e.g. `export/proposals.csv.gz`. */
export const exportKey = (f: ExportFileName) => `${EXPORT_PREFIX}${exportFileName(f)}`;
/** The key of a budget's `.pb` file: the path of `/export/budgets/<id>.pb`, decoded (S3 decodes the path it is asked for). */
export const budgetExportKey = (id: string) => `${EXPORT_PREFIX}budgets/${id}.pb`;

/**
 * Why an export is due, or null when it is not: there is none yet; or the data version moved since the
 * last one and has stood still for `settleMs` (the harvest run that moved it is over); or it keeps
 * moving but the last export is older than `maxAgeMs` (a long run still gets exported once per interval).
 */
export function exportDue(
  version: DataVersion,
  last: ExportManifest | null,
  now: number,
  settleMs: number,
  maxAgeMs: number,
): string | null {
  if (!last) return 'no export yet';
  if (last.dataVersion === version.value) return null;
  if (now - version.changedAt >= settleMs) return 'the data version moved and has settled';
  if (now - Date.parse(last.writtenAt) >= maxAgeMs) return 'the data version keeps moving and the export is old';
  return null;
}

/** A local file that text is written to, gzipped or not, waiting when the disk is behind. */
function fileWriter(path: string, gzip: boolean) {
  const file: WriteStream = createWriteStream(path);
  const gz: Gzip | undefined = gzip ? createGzip() : undefined;
  gz?.pipe(file);
  const into = gz ?? file;
  return {
    async write(text: string) {
      if (text && !into.write(text)) await once(into, 'drain');
    },
    async close() {
      into.end();
      await once(file, 'close');
      return file.bytesWritten;
    },
  };
}

/**
 * Writes every export through `sink` (local files in `dir` first) and returns the manifest, which the
 * caller stores. `dataVersion` is the version read before starting: a change during the export moves
 * it past the manifest's, so the next run exports again.
 */
export async function writeExports(
  apollo: ApolloServer,
  sink: ExportSink,
  dir: string,
  dataVersion: number,
  previous: ExportManifest | null,
  now: () => Date = () => new Date(),
): Promise<ExportManifest> {
  const files: ExportManifest['files'] = {};
  const budgetIds: string[] = [];
  for (const [kind, spec] of Object.entries(EXPORT_KINDS)) {
    const names = EXPORT_FORMATS.flatMap((format) => [false, true].map((gzip) => ({ kind, format, gzip })));
    const outputs = names.map((name) => {
      const path = join(dir, exportFileName(name));
      return { name, path, file: fileWriter(path, name.gzip), ...encoder(name.format, spec.columns) };
    });
    for (const o of outputs) await o.file.write(o.head);
    let items = 0;
    for await (const nodes of exportNodes(apollo, spec)) {
      items += nodes.length;
      if (kind === 'budgets') budgetIds.push(...nodes.map((n) => String(n.id)));
      for (const o of outputs) await o.file.write(nodes.map(o.line).join(''));
    }
    for (const o of outputs) {
      await o.file.close();
      const { contentType, contentDisposition } = exportHeaders(o.name);
      const bytes = await sink.put(
        exportKey(o.name),
        { path: o.path },
        { contentType, contentDisposition, cacheControl: EXPORT_CACHE_CONTROL },
      );
      files[exportFileName(o.name)] = { items, bytes };
    }
  }
  const budgetFiles: string[] = [];
  for (const id of budgetIds) {
    const out = await budgetPabulib(apollo, id);
    if (!('pabulib' in out)) {
      // Left out: /export/budgets/<id>.pb falls back to the gateway, which answers with the error.
      log.warn('export: a budget has no .pb file', { id, code: out.code, message: out.message });
      continue;
    }
    const key = budgetExportKey(id);
    await sink.put(
      key,
      { text: out.pabulib },
      {
        contentType: PB_CONTENT_TYPE,
        contentDisposition: `attachment; filename="${pbFileName(id)}"`,
        cacheControl: EXPORT_CACHE_CONTROL,
      },
    );
    budgetFiles.push(key);
  }
  const kept = new Set(budgetFiles);
  for (const key of previous?.budgetFiles ?? []) if (!kept.has(key)) await sink.remove(key);
  return { dataVersion, writtenAt: now().toISOString(), files, budgetFiles };
}
