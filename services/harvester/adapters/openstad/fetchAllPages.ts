/**
 * Pages through an OpenStad list. Paging is always explicit — without `page` the list comes back as one
 * bare array of everything (docs/upstreams/openstad.md §2.4, §7 note 3) — with 0-based pages and a large `pageSize` (the
 * server sets no maximum, §2.3; few requests spare the 100/min limit, §7 note 12).
 */
import type { z } from 'zod';
import type { HttpClient, Query } from '../../http/HttpClient';
import { pageGuard } from '../../http/HttpClient';
import { UpstreamSchemaError } from '../../errors';
import { envelopeSchema } from './upstreamSchemas';

export const PAGE_SIZE = 100;

/** The first issue of a zod error as `path: message`, short enough for a log line. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`;
}

function recordId(record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : '?';
}

/**
 * Every record of the list at `path`, page 0 onwards, until the metadata's `pageCount`/`totalCount` says the
 * last page was read or a page comes back empty. Throws UpstreamSchemaError when an answer is not the
 * `{metadata, records}` envelope, and PaginationError (via `pageGuard`) when the server answers a page
 * number it answered before, or the very same records again (a paging loop).
 */
export async function fetchAllPages(
  http: HttpClient,
  path: string,
  query: Query,
  pageSize = PAGE_SIZE,
): Promise<unknown[]> {
  const samePage = pageGuard(`GET ${path}`);
  const sameRecords = pageGuard(`GET ${path} (records)`);
  const records: unknown[] = [];
  for (let page = 0; ; page++) {
    const body = await http.getJson(path, { ...query, page, pageSize });
    const parsed = envelopeSchema.safeParse(body);
    if (!parsed.success) {
      throw new UpstreamSchemaError(
        `GET ${path} page ${page} is not the {metadata, records} envelope of docs/upstreams/openstad.md §2.4 (${firstIssue(parsed.error)}); has the API changed?`,
      );
    }
    const { metadata, records: got } = parsed.data;
    samePage(metadata.page);
    if (got.length === 0) break;
    sameRecords(`${recordId(got[0])}…${recordId(got[got.length - 1])}#${got.length}`);
    records.push(...got);
    if (page + 1 >= metadata.pageCount || records.length >= metadata.totalCount) break;
  }
  return records;
}

/** Parses an envelope-level payload (one object per request) or throws UpstreamSchemaError naming `where`. */
export function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown, where: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new UpstreamSchemaError(
      `${where} answered an unexpected shape (${firstIssue(parsed.error)}); has the API changed?`,
    );
  return parsed.data;
}
