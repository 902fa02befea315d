/**
 * The harvester's composition root pieces: its configuration and its dependencies, shared by the CLI,
 * the Lambda handler and the sandbox.
 */
import { z } from 'zod';
import { parseConfig, tableConfigShape } from '../core/config';
import { createDynamo } from '../core/dynamo/client';
import type { TableAccess } from '../core/dynamo/loader';
import { provinceIndex } from '../core/registry';
import { ADAPTERS } from './adapters';
import type { SourceConfig } from './config';
import type { HarvestDeps } from './harvestSource';
import { PoliteHttpClient } from './http/HttpClient';
import { dynamoHarvestStore, type HarvestStore } from './store/HarvestStore';

export const harvesterConfigSchema = z.object({
  ...tableConfigShape,
  /** Path of the sources file (JSON); see services/harvester/config.ts. */
  INSPRAAK_SOURCES: z.string().min(1, 'expected the path of the sources JSON file').optional(),
  INSPRAAK_HARVEST_CONCURRENCY: z.preprocess(
    (v) => (v === undefined || v === '' ? 4 : v),
    z.coerce.number().int().min(1).max(32),
  ),
  /** The SQS queue the scheduled fan-out sends one message per source to (AWS only). */
  INSPRAAK_HARVEST_QUEUE_URL: z.url().optional(),
});
export type HarvesterConfig = z.infer<typeof harvesterConfigSchema>;
export const harvesterConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(harvesterConfigSchema, env);

/** Requests per minute when the source does not say: under Decidim's and OpenStad's 100 per IP. */
export const DEFAULT_REQUESTS_PER_MINUTE = 60;

/** The polite client of a source, as its settings say; `fetch` replaces the global one (tests: a simulator's). */
export function httpFor(source: SourceConfig, fetch?: typeof globalThis.fetch): PoliteHttpClient {
  return new PoliteHttpClient({
    baseUrl: source.baseUrl,
    timeoutMs: source.timeoutMs,
    maxResponseBytes: source.maxResponseBytes,
    requestsPerMinute: source.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
    ...(fetch && { fetch }),
  });
}

/**
 * The harvest run's dependencies: the registry's provinces, every adapter, the polite client per source,
 * and the store: on `db` (a TableAccess, wrapped in dynamoHarvestStore) or the HarvestStore given
 * (the in-memory fake, in unit tests).
 */
export function harvestDeps(db: TableAccess | HarvestStore, overrides: Partial<HarvestDeps> = {}): HarvestDeps {
  const provinces = overrides.provinces ?? provinceIndex();
  const store = 'doc' in db ? dynamoHarvestStore(db, provinces) : db;
  return { store, provinces, adapters: ADAPTERS, http: httpFor, ...overrides };
}

export function dynamoFor(config: HarvesterConfig): TableAccess {
  const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  return { doc, table: config.INSPRAAK_TABLE };
}
