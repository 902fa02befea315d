/**
 * One structured log line per GraphQL request: operation name and type, duration, HTTP status, error
 * codes, how the response cache treated it, its DynamoDB round trips, and the time spent in each
 * subgraph call. Data sources report their calls with `recordCall`, keyed by the request's context
 * object; the response cache starts each execution with `trackRequest`. (Requests answered from the
 * cache never reach Apollo; the cache writes their line.)
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { countingRoundTrips, type RoundTripCounter } from '../core/dynamo/roundTrips';
import type { DataVersion } from '../core/dynamo/dataVersion';
import { log } from '../core/log';

const calls = new WeakMap<object, { subgraph: string; ms: number; ok: boolean; shared?: true }[]>();
/** What one request's log line and the response cache learn while Apollo executes it. */
export interface RequestState {
  /** How the response cache treated the request. */
  cache: string;
  dynamodb: RoundTripCounter;
  /** Set by the response cache's plugin: a query answered with 200 and no errors. */
  cacheable?: boolean;
  /** The fetch cache's hits and misses (fetchCache.ts), each entity of an entity fetch counted once. */
  fetchCache?: { hits: number; misses: number };
  /** The data version the fetch cache keys this request's fetches on, read once per request. */
  version?: Promise<DataVersion | null>;
}

// Kept in the context object itself: Apollo hands plugins and data sources a shallow copy of it, which
// keeps this property (and so the same state) but not the object's identity.
const STATE = Symbol('inspraak.request');

/** The state `trackRequest` attached to a context (or a copy Apollo made of it). */
export function requestState(context: unknown): RequestState | undefined {
  return context && typeof context === 'object'
    ? ((context as { [STATE]?: RequestState })[STATE] ?? undefined)
    : undefined;
}

/**
 * Runs one request's execution with `context`, counting its DynamoDB round trips for the log line;
 * `version` is the data version the response cache read for it, if it did (the fetch cache reuses it).
 */
export function trackRequest<T>(
  context: object,
  cache: string,
  run: () => T,
  version?: DataVersion | null,
): { state: RequestState; result: T } {
  const state: RequestState = { cache, dynamodb: { count: 0 } };
  if (version !== undefined) state.version = Promise.resolve(version);
  (context as { [STATE]?: RequestState })[STATE] = state;
  return { state, result: countingRoundTrips(state.dynamodb, run) };
}

/** Called by a data source after each subgraph call of a request. */
export function recordCall(context: unknown, subgraph: string, ms: number, ok: boolean, shared = false): void {
  if (!context || typeof context !== 'object') return;
  let list = calls.get(context);
  if (!list) {
    list = [];
    calls.set(context, list);
  }
  list.push({ subgraph, ms: Math.round(ms * 10) / 10, ok, ...(shared && { shared }) });
}

export function requestLogPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, operation, errors, response }) {
          const subgraphs = calls.get(contextValue as object) ?? [];
          const track = requestState(contextValue);
          log.info('graphql request', {
            operationName: operationName ?? null,
            operationType: operation?.operation ?? null,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            status: response.http.status ?? 200,
            errorCodes: [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))],
            cache: track?.cache ?? null,
            dynamodbCalls: track?.dynamodb.count ?? null,
            ...(track?.fetchCache && { fetchCache: track.fetchCache }),
            subgraphCalls: subgraphs,
          });
        },
      };
    },
  };
}
