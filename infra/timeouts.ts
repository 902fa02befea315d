/**
 * The timeout chain of a request: each subgraph call gives up before the gateway Lambda does, and the
 * gateway Lambda gives up before API Gateway does, so a slow subgraph costs its fields (SUBGRAPH_TIMEOUT),
 * never the whole answer (a bare 503 from API Gateway).
 */
import { ConfigError } from '../services/core/errors';

/** API Gateway's hard limit on an integration, in seconds. */
export const API_GATEWAY_MAX_INTEGRATION_SECONDS = 29;
/** The most the gateway's configuration accepts for INSPRAAK_SUBGRAPH_TIMEOUT_MS (services/gateway/config.ts). */
export const MAX_SUBGRAPH_TIMEOUT_MS = 25_000;

export interface TimeoutChain {
  readonly subgraphTimeoutMs: number;
  readonly gatewayTimeoutSeconds: number;
  readonly integrationTimeoutSeconds: number;
}

/**
 * Throws unless subgraph call timeout < gateway Lambda timeout < API Gateway integration timeout ≤ 29 s
 * (and the subgraph timeout is one the gateway's config accepts). Called at synth, so a bad combination
 * of context values never deploys.
 */
export function assertTimeouts(t: TimeoutChain): void {
  const problems: string[] = [];
  if (t.subgraphTimeoutMs > MAX_SUBGRAPH_TIMEOUT_MS) {
    problems.push(
      `the subgraph timeout (${t.subgraphTimeoutMs} ms) is above the gateway's maximum of ${MAX_SUBGRAPH_TIMEOUT_MS} ms`,
    );
  }
  if (t.subgraphTimeoutMs >= t.gatewayTimeoutSeconds * 1000) {
    problems.push(
      `the subgraph timeout (${t.subgraphTimeoutMs} ms) must be below the gateway Lambda timeout (${t.gatewayTimeoutSeconds} s)`,
    );
  }
  if (t.gatewayTimeoutSeconds >= t.integrationTimeoutSeconds) {
    problems.push(
      `the gateway Lambda timeout (${t.gatewayTimeoutSeconds} s) must be below the API integration timeout (${t.integrationTimeoutSeconds} s)`,
    );
  }
  if (t.integrationTimeoutSeconds > API_GATEWAY_MAX_INTEGRATION_SECONDS) {
    problems.push(
      `the API integration timeout (${t.integrationTimeoutSeconds} s) is above API Gateway's limit of ${API_GATEWAY_MAX_INTEGRATION_SECONDS} s`,
    );
  }
  if (problems.length) throw new ConfigError(`Timeouts do not line up: ${problems.join('; ')}.`);
}
