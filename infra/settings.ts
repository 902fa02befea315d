/**
 * The deployment's settings, from CDK context (`-c key=value` or cdk.json), validated once at synth.
 * Every value has a default, so `npx cdk synth` works with no flags.
 */
import type { Node } from 'constructs';
import { isAbsolute, resolve } from 'node:path';
import { assertTimeouts } from './timeouts';
import { ConfigError } from '../services/core/errors';
import { TRUSTED_DOCUMENTS_MODES, type TrustedDocumentsMode } from '../services/gateway/trustedDocuments';

/** single: the gateway runs every subgraph in-process; split: one Lambda per subgraph behind IAM-only Function URLs. */
export type Topology = 'single' | 'split';

export interface InspraakSettings {
  /** Prefix of the stack names, e.g. `inspraak` → `inspraak-data`, `inspraak-edge`, `inspraak-api`, `inspraak-harvest`. */
  readonly prefix: string;
  readonly topology: Topology;
  /** Absolute path of the sources file shipped with the harvester (context `sources`, default dev/sources.json). */
  readonly sourcesFile: string;
  /** Per-subgraph-call timeout of the gateway (INSPRAAK_SUBGRAPH_TIMEOUT_MS). */
  readonly subgraphTimeoutMs: number;
  /** Timeout of the gateway Lambda, in seconds; above subgraphTimeoutMs and below the API integration's. */
  readonly gatewayTimeoutSeconds: number;
  /** API Gateway's integration timeout, in seconds (29 at most). */
  readonly integrationTimeoutSeconds: number;
  /**
   * Concurrent executions reserved for the gateway Lambda: its ceiling (excess is throttled at once
   * instead of queueing behind a hanging subgraph) and its floor (other functions cannot starve it).
   * 0 reserves none, for accounts whose concurrency quota is too small to set any aside.
   */
  readonly gatewayReservedConcurrency: number;
  /**
   * Requests one client IP may send to CloudFront in 5 minutes before AWS WAF answers it 429 for the
   * rest of the window (the rate-based rule of the edge stack's web ACL; WAF accepts 10 and more).
   */
  readonly wafRequestsPerIp: number;
  /**
   * Which operations the gateway runs (INSPRAAK_TRUSTED_DOCUMENTS): `off` (default, the API stays open),
   * `ids-and-open` or `only`; with either of the last two the gateway bundle carries the manifest.
   */
  readonly trustedDocuments: TrustedDocumentsMode;
  /** Stage throttling: steady requests per second and burst, for the whole API. */
  readonly throttleRate: number;
  readonly throttleBurst: number;
  /** Hours between harvests of every source (1–8); the schedule is `rate(N hours)`. */
  readonly harvestEveryHours: number;
  /** How many worker Lambdas may harvest at once (SQS event source maxConcurrency, 2–1000). */
  readonly harvestConcurrency: number;
  /** Timeout of one source's harvest (the worker Lambda), in minutes (1–15). */
  readonly harvestTimeoutMinutes: number;
  /** A source whose last successful harvest is older than this many hours raises the staleness alarm. */
  readonly staleAfterHours: number;
  /** E-mail address subscribed to the alarm topic; none when unset. */
  readonly alarmEmail: string | undefined;
}

export const DEFAULT_SETTINGS: Omit<InspraakSettings, 'sourcesFile'> & { sources: string } = {
  prefix: 'inspraak',
  topology: 'single',
  sources: 'dev/sources.json',
  subgraphTimeoutMs: 5000,
  gatewayTimeoutSeconds: 15,
  integrationTimeoutSeconds: 29,
  gatewayReservedConcurrency: 50,
  wafRequestsPerIp: 1000,
  trustedDocuments: 'off',
  throttleRate: 50,
  throttleBurst: 100,
  harvestEveryHours: 1,
  harvestConcurrency: 4,
  harvestTimeoutMinutes: 10,
  staleAfterHours: 24,
  alarmEmail: undefined,
};

/** The repository root: paths in context are relative to it. */
export const REPO_ROOT = resolve(__dirname, '..');

/**
 * Reads and validates the settings from the construct tree's context. Throws an Error naming the
 * context key and what it expected; also enforces the timeout chain (see timeouts.ts).
 */
export function readSettings(node: Node): InspraakSettings {
  const d = DEFAULT_SETTINGS;
  const str = (key: string, fallback: string) => {
    const v = node.tryGetContext(key);
    return v === undefined || v === '' ? fallback : String(v);
  };
  const int = (key: string, fallback: number, min: number, max: number) => {
    const raw = node.tryGetContext(key);
    const v = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(v) || v < min || v > max)
      throw new ConfigError(`Context "${key}": expected a whole number from ${min} to ${max}, got "${raw}".`);
    return v;
  };
  const topology = str('topology', d.topology);
  if (topology !== 'single' && topology !== 'split')
    throw new ConfigError(`Context "topology": expected "single" or "split", got "${topology}".`);
  const prefix = str('prefix', d.prefix);
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(prefix))
    throw new ConfigError(`Context "prefix": expected lower-case letters, digits and dashes, got "${prefix}".`);
  const sources = str('sources', d.sources);
  const trustedDocuments = str('trustedDocuments', d.trustedDocuments) as TrustedDocumentsMode;
  if (!TRUSTED_DOCUMENTS_MODES.includes(trustedDocuments))
    throw new ConfigError(
      `Context "trustedDocuments": expected one of ${TRUSTED_DOCUMENTS_MODES.join(', ')}, got "${trustedDocuments}".`,
    );
  const alarmEmail = node.tryGetContext('alarmEmail') as string | undefined;
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail))
    throw new ConfigError(`Context "alarmEmail": expected an e-mail address, got "${alarmEmail}".`);
  const settings: InspraakSettings = {
    prefix,
    topology,
    sourcesFile: isAbsolute(sources) ? sources : resolve(REPO_ROOT, sources),
    subgraphTimeoutMs: int('subgraphTimeoutMs', d.subgraphTimeoutMs, 1, 600_000),
    gatewayTimeoutSeconds: int('gatewayTimeoutSeconds', d.gatewayTimeoutSeconds, 1, 900),
    integrationTimeoutSeconds: int('integrationTimeoutSeconds', d.integrationTimeoutSeconds, 1, 900),
    gatewayReservedConcurrency: int('gatewayReservedConcurrency', d.gatewayReservedConcurrency, 0, 10_000),
    trustedDocuments,
    wafRequestsPerIp: int('wafRequestsPerIp', d.wafRequestsPerIp, 10, 2_000_000_000),
    throttleRate: int('throttleRate', d.throttleRate, 1, 10_000),
    throttleBurst: int('throttleBurst', d.throttleBurst, 1, 5_000),
    harvestEveryHours: int('harvestEveryHours', d.harvestEveryHours, 1, 8),
    harvestConcurrency: int('harvestConcurrency', d.harvestConcurrency, 2, 1000),
    harvestTimeoutMinutes: int('harvestTimeoutMinutes', d.harvestTimeoutMinutes, 1, 15),
    staleAfterHours: int('staleAfterHours', d.staleAfterHours, 1, 24 * 14),
    alarmEmail,
  };
  assertTimeouts(settings);
  return settings;
}
