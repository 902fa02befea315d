/**
 * One structured log line per GraphQL request: operation name and type, duration, HTTP status, error
 * codes, and the time spent in each subgraph call. Data sources report their calls with `recordCall`,
 * keyed by the request's context object.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { log } from '../core/log';

const calls = new WeakMap<object, { subgraph: string; ms: number; ok: boolean }[]>();

/** Called by a data source after each subgraph call of a request. */
export function recordCall(context: unknown, subgraph: string, ms: number, ok: boolean): void {
  if (!context || typeof context !== 'object') return;
  let list = calls.get(context);
  if (!list) {
    list = [];
    calls.set(context, list);
  }
  list.push({ subgraph, ms: Math.round(ms * 10) / 10, ok });
}

export function requestLogPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, operation, errors, response }) {
          const subgraphs = calls.get(contextValue as object) ?? [];
          log.info('graphql request', {
            operationName: operationName ?? null,
            operationType: operation?.operation ?? null,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            status: response.http.status ?? 200,
            errorCodes: [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))],
            subgraphCalls: subgraphs,
          });
        },
      };
    },
  };
}
