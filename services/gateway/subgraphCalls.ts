/**
 * What bounds one subgraph call, and what a failed call becomes. Every call of a request shares one
 * deadline (below the Lambda timeout, so a client gets a partial 200 instead of a bare 5xx after four
 * slow fetches in a row); each call has its own timeout too; an HTTP answer is read as a stream and
 * abandoned past a byte cap (so a 50 MB answer never sits in the gateway's memory). A failed call is
 * answered to the query planner as errors at the paths of the fields it should have filled, each with
 * a code and the subgraph's name, so the rest of the response survives, and counted in the per-subgraph
 * outage metric (outageMetric.ts).
 */
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  type FieldNode,
  type GraphQLFormattedError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from 'graphql';
import { InspraakError } from '../core/errors';
import { countSubgraphFailure } from './outageMetric';

/** A failure to get an answer from one subgraph; `subgraph` is its name in the supergraph. */
export abstract class SubgraphError extends InspraakError {
  constructor(
    readonly subgraph: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A subgraph did not answer within its timeout, or the request's deadline passed. */
export class SubgraphTimeoutError extends SubgraphError {
  readonly code = 'SUBGRAPH_TIMEOUT';
}

/** A subgraph could not be reached or answered with something that is not GraphQL. */
export class SubgraphUnavailableError extends SubgraphError {
  readonly code = 'SUBGRAPH_UNAVAILABLE';
}

export interface CallLimits {
  /** Longest one subgraph call may take. */
  timeoutMs: number;
  /** Longest all the subgraph calls of one request may take together, from its first call. */
  requestDeadlineMs: number;
  /** Largest HTTP answer read from a subgraph, in bytes. */
  maxResponseBytes: number;
}

const deadlines = new WeakMap<object, number>();

/**
 * How long this call may take: its own timeout, or what is left of the request's deadline if less.
 * Throws SubgraphTimeoutError when the deadline has passed, so a late call is not even started.
 */
export function callTimeout(context: unknown, limits: CallLimits, subgraph: string): number {
  const key = context && typeof context === 'object' ? context : undefined;
  let deadline = key ? deadlines.get(key) : undefined;
  if (deadline === undefined) {
    deadline = Date.now() + limits.requestDeadlineMs;
    if (key) deadlines.set(key, deadline);
  }
  const left = deadline - Date.now();
  if (left <= 0) {
    throw new SubgraphTimeoutError(
      subgraph,
      `The request's time for subgraph calls (${limits.requestDeadlineMs} ms) ran out before the ${subgraph} subgraph was asked.`,
    );
  }
  return Math.min(limits.timeoutMs, left);
}

/** The timeout error of one call, naming the time it had. */
export function timedOut(subgraph: string, ms: number, cause?: unknown): SubgraphTimeoutError {
  return new SubgraphTimeoutError(subgraph, `The ${subgraph} subgraph did not answer within ${ms} ms.`, { cause });
}

/**
 * `response` with a body that errors (SubgraphUnavailableError) once more than `maxBytes` have arrived,
 * aborting the transfer through `abort`; refused at once when Content-Length already says so.
 */
export function cappedResponse(response: Response, maxBytes: number, subgraph: string, abort: () => void): Response {
  const tooBig = () =>
    new SubgraphUnavailableError(subgraph, `The ${subgraph} subgraph answered with more than ${maxBytes} bytes.`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    throw tooBig();
  }
  if (!response.body) return response;
  let seen = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          abort();
          controller.error(tooBig());
        } else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** At most this many errors stand for one failed call (one per field it was to fill). */
const MAX_ERRORS_PER_CALL = 100;

/** Response keys of the fields in `set`, inline fragments flattened, `__typename` left out. */
function fieldKeys(set: SelectionSetNode | undefined): string[] {
  return (set?.selections ?? []).flatMap((s) =>
    s.kind === Kind.FIELD
      ? s.name.value === '__typename'
        ? []
        : [s.alias?.value ?? s.name.value]
      : s.kind === Kind.INLINE_FRAGMENT
        ? fieldKeys(s.selectionSet)
        : [],
  );
}

/**
 * Paths (relative to the fetch) of the fields a fetch was to fill: its root fields, or each field of
 * each entity (`_entities`, index, field), which the query planner maps into the client's response.
 */
function fetchPaths(options: GraphQLDataSourceProcessOptions): (string | number)[][] {
  let document = 'document' in options ? options.document : undefined;
  try {
    document ??= parse(options.request.query ?? '');
  } catch {
    return [];
  }
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const roots = operation?.selectionSet.selections ?? [];
  const representations = options.request.variables?.representations;
  if (Array.isArray(representations)) {
    const entities = roots.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
    const fields = [...new Set(fieldKeys(entities?.selectionSet))];
    return representations.flatMap((_, i) => fields.map((f) => ['_entities', i, f]));
  }
  return fieldKeys(operation?.selectionSet).map((key) => [key]);
}

/**
 * The answer to give the query planner for a failed call: one error per field the call was to fill,
 * at its path, with the error's code and the subgraph's name. The planner maps `_entities` paths to
 * where each entity sits in the client's response. Anything but a SubgraphError is rethrown.
 */
export function failedCall(error: unknown, options: GraphQLDataSourceProcessOptions): GatewayGraphQLResponse {
  if (!(error instanceof SubgraphError)) throw error;
  countSubgraphFailure(error.subgraph, error.code);
  const extensions = { code: error.code, serviceName: error.subgraph };
  const paths = fetchPaths(options).slice(0, MAX_ERRORS_PER_CALL);
  const errors: GraphQLFormattedError[] = paths.length
    ? paths.map((path) => ({ message: error.message, path, extensions }))
    : [{ message: error.message, extensions }];
  return { errors };
}
