/**
 * Validates list records one by one: a record of the wrong shape is reported (with its id where readable)
 * and skipped, so one bad resource never costs the rest (adapter.ts). When every record of a non-empty
 * list fails, that is no bad record but a changed API (a field renamed or gone after an upgrade), so the
 * source fails with UpstreamSchemaError instead — nothing is written and nothing is tombstoned.
 */
import type { z } from 'zod';
import type { ItemKind } from '../../../core/ids';
import type { HarvestContext } from '../../adapter';
import { UpstreamSchemaError } from '../../errors';
import { firstIssue } from './fetchAllPages';

function upstreamIdOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : null;
}

/** The records of `raw` that match `schema`; the others reported as `kind` via `ctx.report`. */
export function validateRecords<T>(
  raw: unknown[],
  schema: z.ZodType<T>,
  kind: ItemKind,
  ctx: HarvestContext,
  where: string,
): T[] {
  const valid: T[] = [];
  const problems: { upstreamId: string | null; message: string }[] = [];
  for (const record of raw) {
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else problems.push({ upstreamId: upstreamIdOf(record), message: `${where}: ${firstIssue(parsed.error)}` });
  }
  if (raw.length > 0 && valid.length === 0) {
    throw new UpstreamSchemaError(
      `${where}: none of the ${raw.length} records has the expected shape (first: ${problems[0]?.message ?? '?'}); has the API changed?`,
    );
  }
  for (const p of problems) ctx.report({ kind, ...p });
  return valid;
}

/**
 * Runs a normaliser and checks its output against the unified model; a record it cannot normalise is
 * reported and left out (null).
 */
export function normaliseOrReport<I, O>(
  input: I,
  normalise: (i: I) => O,
  model: z.ZodType<O>,
  issue: { kind: ItemKind; upstreamId: string },
  ctx: HarvestContext,
): O | null {
  try {
    const out = model.safeParse(normalise(input));
    if (out.success) return out.data;
    ctx.report({ ...issue, message: `normalised record does not fit the model: ${firstIssue(out.error)}` });
  } catch (e) {
    ctx.report({ ...issue, message: `cannot normalise: ${(e as Error).message}` });
  }
  return null;
}
