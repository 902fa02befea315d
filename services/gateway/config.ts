/** The gateway's configuration, from the environment, validated at start. */
import { z } from 'zod';
import { bytesVar, millisVar, parseConfig, portVar, schemaConfigShape, tableConfigShape } from '../core/config';
import { SUBGRAPH_NAMES, subgraphsConfigShape } from './subgraphs';
import { TRUSTED_DOCUMENTS_MODES } from './trustedDocuments';

const subgraphUrls = z.preprocess((v) => {
  if (v === undefined || v === '') return undefined;
  try {
    return JSON.parse(String(v));
  } catch {
    return v; // z.record reports the type error below
  }
}, z
  .partialRecord(
    z.enum(SUBGRAPH_NAMES, { message: `expected subgraph names among ${SUBGRAPH_NAMES.join(', ')}` }),
    z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }),
    { message: `expected a JSON object of subgraph name (${SUBGRAPH_NAMES.join(', ')}) to URL` },
  )
  .optional());

/** A whole number from `min` to `max`; empty or unset gives the default. */
const intVar = (fallback: number, min: number, max: number, unit: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z.coerce
      .number({ message: `expected ${unit}` })
      .int(`expected whole ${unit}`)
      .min(min, `expected at least ${min} ${unit}`)
      .max(max, `expected at most ${max} ${unit}`),
  );

export const gatewayConfigSchema = z.object({
  /**
   * Which operations run: `off` (default: any query, the API stays open), `ids-and-open` (the trusted
   * manifest's ids too), `only` (the manifest's operations alone). See trustedDocuments.ts.
   */
  INSPRAAK_TRUSTED_DOCUMENTS: z
    .enum(TRUSTED_DOCUMENTS_MODES, { message: `expected one of ${TRUSTED_DOCUMENTS_MODES.join(', ')}` })
    .default('off'),
  /** The trusted-documents manifest; default client/generated/persisted-documents.json (bundles carry a copy). */
  INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1, 'expected the path of the manifest').optional(),
  ...tableConfigShape,
  ...schemaConfigShape,
  /** Every registered subgraph's own settings (e.g. INSPRAAK_SEARCH_*), for those it runs in-process. */
  ...subgraphsConfigShape,
  /** The composed supergraph file; default services/gateway/supergraph.graphql (bundles carry a copy). */
  INSPRAAK_SUPERGRAPH: z.string().min(1, 'expected the path of the supergraph SDL file').optional(),
  /** The built API explorer (scripts/build-explorer.ts); default dist/explorer (bundles carry a copy). */
  INSPRAAK_EXPLORER_DIR: z.string().min(1, 'expected the directory of the built explorer').optional(),
  PORT: portVar(4000),
  /** Where the gateway listens; loopback by default, so a laptop does not publish the sandbox. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Per-subgraph-call timeout. Must stay below the Lambda timeout, which stays below API Gateway's 29 s. */
  INSPRAAK_SUBGRAPH_TIMEOUT_MS: millisVar(5000, 25_000),
  /**
   * Time for all the subgraph calls of one request together, from its first; a call that would end
   * later is cut short (SUBGRAPH_TIMEOUT on its fields, a partial 200). Below the Lambda timeout.
   */
  INSPRAAK_REQUEST_DEADLINE_MS: millisVar(10_000, 25_000),
  /** Largest answer read from an HTTP subgraph; more is abandoned (SUBGRAPH_UNAVAILABLE). Default 5 MiB, below Lambda's 6 MB answer. */
  INSPRAAK_SUBGRAPH_MAX_BYTES: bytesVar(5 * 1024 * 1024, 6 * 1024 * 1024),
  /** JSON object of subgraph name → URL for subgraphs served over HTTP; the rest run in-process. */
  INSPRAAK_SUBGRAPH_URLS: subgraphUrls,
  /** How the gateway authenticates to HTTP subgraphs: `none`, or `aws-iam` (SigV4, for IAM-authorised Lambda function URLs). */
  INSPRAAK_SUBGRAPH_AUTH: z.enum(['none', 'aws-iam'], { message: 'expected none or aws-iam' }).default('none'),
  /** How often the harvest runs; answers' `Cache-Control` lifetimes derive from it (see responseCache.ts). */
  INSPRAAK_HARVEST_INTERVAL_MS: millisVar(15 * 60_000, 24 * 3_600_000),
  /** The response cache's cap, in MiB (an upper bound of the memory its entries take); 0 turns it off. */
  INSPRAAK_RESPONSE_CACHE_MB: intVar(64, 0, 4096, 'MiB'),
  /** The fetch cache's cap (fetchCache.ts), in MiB; 0 turns it off. */
  INSPRAAK_FETCH_CACHE_MB: intVar(32, 0, 4096, 'MiB'),
  /** How long a process holds the data version it read before reading it again. */
  INSPRAAK_DATA_VERSION_HOLD_MS: intVar(5000, 0, 60_000, 'ms'),
  /** How long after the data version moved answers are neither cached nor given an ETag (index lag). */
  INSPRAAK_DATA_SETTLE_MS: intVar(2000, 0, 60_000, 'ms'),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function gatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return parseConfig(gatewayConfigSchema, env);
}

/**
 * The export job's configuration (exportLambda.ts): the gateway's own (it runs every subgraph in its
 * process), the bucket it writes, and how long the data version must stand still before it exports.
 */
export const exportJobConfigSchema = gatewayConfigSchema.extend({
  INSPRAAK_EXPORT_BUCKET: z.string().min(3, 'expected the name of the export bucket'),
  /** How long the data version must not have moved (no harvest writing) before an export starts. */
  INSPRAAK_EXPORT_SETTLE_MS: millisVar(10 * 60_000, 3_600_000),
});
export type ExportJobConfig = z.infer<typeof exportJobConfigSchema>;
