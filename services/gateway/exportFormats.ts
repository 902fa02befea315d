/**
 * How a bulk export is written, shared by the streamed route (exportBulk.ts) and the export job that
 * writes the same files to S3 (services/exports/): the file names, NDJSON lines, CSV rows and the HTTP
 * headers each file is served with. `.gz` files are the same bytes gzipped, served as
 * `application/gzip` (not `Content-Encoding: gzip`), so `curl -o x.csv.gz` keeps a valid gzip file
 * whatever the client negotiates; the plain files are compressed by CloudFront or the client's agent.
 */
import { stringify } from 'csv-stringify/sync';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How long an export may be kept by HTTP caches (they change at most once per harvest). */
export const EXPORT_CACHE_CONTROL = 'public, max-age=300';

/** A parsed export file name: `proposals.csv.gz` → { kind: 'proposals', format: 'csv', gzip: true }. */
export interface ExportFileName {
  kind: string;
  format: ExportFormat;
  gzip: boolean;
}

const FILE = /^([a-z-]+)\.(ndjson|csv)(\.gz)?$/;

/** The parts of an export's file name, or null when it is not one. */
export function parseExportFile(file: string): ExportFileName | null {
  const m = FILE.exec(file);
  return m ? { kind: m[1]!, format: m[2] as ExportFormat, gzip: m[3] !== undefined } : null;
}

/** The file name of an export: `exportFileName({ kind: 'sources', format: 'csv', gzip: false })` is `sources.csv`. */
export const exportFileName = (f: ExportFileName) => `${f.kind}.${f.format}${f.gzip ? '.gz' : ''}`;

/** The headers an export file is served with (locally by the route, on AWS as the S3 object's metadata). */
export function exportHeaders(f: ExportFileName): { contentType: string; contentDisposition: string } {
  const plain = f.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return {
    contentType: f.gzip ? 'application/gzip' : plain,
    contentDisposition: `attachment; filename="inspraak-${exportFileName(f)}"`,
  };
}

/** The value at a column's path, as CSV text; `a[].b` joins the `b` of every element of list `a` with `; `. */
export function cell(node: unknown, path: string): string | number | boolean | null {
  const [head, rest] = path.split(/\[\]\.(.*)/s) as [string, string | undefined];
  let value: unknown = node;
  for (const key of head.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[key];
  if (rest !== undefined) {
    return Array.isArray(value) ? value.map((v) => String(cell(v, rest) ?? '')).join('; ') : null;
  }
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
}

/** The text that starts a file of `format` (CSV: the header row) and the text of one node. */
export function encoder(
  format: ExportFormat,
  columns: readonly string[],
): { head: string; line: (node: Record<string, unknown>) => string } {
  if (format === 'ndjson') return { head: '', line: (node) => `${JSON.stringify(node)}\n` };
  return { head: stringify([columns]), line: (node) => stringify([columns.map((c) => cell(node, c))]) };
}
