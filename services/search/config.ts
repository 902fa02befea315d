/** Configuration of the search subgraph: the index's settings, on top of every subgraph process's. */
import { z } from 'zod';
import { millisVar, parseConfig, tableConfigShape } from '../core/config';
import { subgraphConfigSchema } from '../core/subgraphConfig';
import type { LiveSearchIndexOptions } from './LiveSearchIndex';

/** Where a snapshot from S3 is downloaded before the index restores from it (Lambda may write /tmp). */
export const LOCAL_SNAPSHOT_PATH = '/tmp/inspraak-search.snapshot';

/** The variables only the search subgraph reads (its registry entry's `configShape`). */
export const searchConfigShape = {
  /** How often the index follows the change feed (server: timer; Lambda and in-process: on a request after this long). */
  INSPRAAK_SEARCH_REFRESH_MS: millisVar(60_000, 3_600_000),
  /** How far a refresh re-reads before the last seen change; longer than a harvest run. */
  INSPRAAK_SEARCH_OVERLAP_MS: millisVar(20 * 60_000, 24 * 3_600_000),
  /** A snapshot file to start from (e.g. in the Lambda package or /tmp); unset loads from DynamoDB. */
  INSPRAAK_SEARCH_SNAPSHOT: z.string().min(1).optional(),
  /** An S3 bucket holding the snapshot (AWS): downloaded at start, then the feed catches up. */
  INSPRAAK_SEARCH_SNAPSHOT_BUCKET: z.string().min(3).optional(),
  /** The snapshot's key in that bucket. */
  INSPRAAK_SEARCH_SNAPSHOT_KEY: z.string().min(1).default('search/index.snapshot'),
};

export const searchConfigSchema = subgraphConfigSchema.extend(searchConfigShape);
export type SearchConfig = z.infer<typeof searchConfigSchema>;
export const searchConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(searchConfigSchema, env);

/** The index options these settings give. */
export function searchIndexOptions(
  config: z.infer<z.ZodObject<typeof searchConfigShape>>,
): Omit<LiveSearchIndexOptions, 'now'> {
  return {
    refreshIntervalMs: config.INSPRAAK_SEARCH_REFRESH_MS,
    overlapMs: config.INSPRAAK_SEARCH_OVERLAP_MS,
    ...(config.INSPRAAK_SEARCH_SNAPSHOT && { snapshotPath: config.INSPRAAK_SEARCH_SNAPSHOT }),
    // A snapshot from S3 is downloaded here first (snapshotStore.ts).
    ...(config.INSPRAAK_SEARCH_SNAPSHOT_BUCKET && {
      snapshotPath: config.INSPRAAK_SEARCH_SNAPSHOT ?? LOCAL_SNAPSHOT_PATH,
    }),
  };
}

/** The search snapshot job's configuration (snapshotLambda.ts): the table, the bucket and key, the feed overlap. */
export const searchSnapshotJobConfigSchema = z.object({
  ...tableConfigShape,
  INSPRAAK_SEARCH_SNAPSHOT_BUCKET: z.string().min(3, 'expected the name of the snapshot bucket'),
  INSPRAAK_SEARCH_SNAPSHOT_KEY: searchConfigShape.INSPRAAK_SEARCH_SNAPSHOT_KEY,
  INSPRAAK_SEARCH_OVERLAP_MS: searchConfigShape.INSPRAAK_SEARCH_OVERLAP_MS,
});
