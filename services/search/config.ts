/** Configuration of the search subgraph's processes: the table's settings plus the index's. */
import { z } from 'zod';
import { millisVar, parseConfig, portVar, tableConfigShape } from '../core/config';

export const searchConfigSchema = z.object({
  ...tableConfigShape,
  PORT: portVar(4001),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** How often the index follows the change feed (server: timer; Lambda: on a request after this long). */
  INSPRAAK_SEARCH_REFRESH_MS: millisVar(60_000, 3_600_000),
  /** How far a refresh re-reads before the last seen change; longer than a harvest run. */
  INSPRAAK_SEARCH_OVERLAP_MS: millisVar(20 * 60_000, 24 * 3_600_000),
  /** A snapshot file to start from (e.g. in the Lambda package or /tmp); unset loads from DynamoDB. */
  INSPRAAK_SEARCH_SNAPSHOT: z.string().min(1).optional(),
});
export type SearchConfig = z.infer<typeof searchConfigSchema>;
export const searchConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(searchConfigSchema, env);
