/**
 * What a client may see of an error at the gateway. Known codes keep their message; errors from a data
 * source become SUBGRAPH_TIMEOUT or SUBGRAPH_UNAVAILABLE; anything else is masked and logged, so no
 * stack trace, upstream message or internal address ever reaches a client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { InspraakError } from '../core/errors';
import { log } from '../core/log';
import { SubgraphError } from './dataSources';
import { PageSizeError } from './limits';

/** Codes that mean the client's request was wrong: answered 4xx, never logged as our failure. */
export const CLIENT_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'OPERATION_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_HASH_MISMATCH',
  'PERSISTED_QUERY_NOT_TRUSTED',
  'COST_LIMIT_EXCEEDED',
]);

const PUBLIC_CODES = new Set([...CLIENT_CODES, 'SUBGRAPH_TIMEOUT', 'SUBGRAPH_UNAVAILABLE']);

/**
 * Errors other libraries raise for a client's mistake without a code of ours: the query planner's
 * INVALID_GRAPHQL (an operation it cannot plan) and Apollo Server's APQ hash check.
 */
function clientCode(formatted: GraphQLFormattedError): string | undefined {
  if (formatted.extensions?.code === 'INVALID_GRAPHQL') return 'GRAPHQL_VALIDATION_FAILED';
  if (formatted.message === 'provided sha does not match query') return 'PERSISTED_QUERY_HASH_MISMATCH';
  return undefined;
}

export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const path = formatted.path ? { path: formatted.path } : {};
  const serviceName = original instanceof SubgraphError ? original.subgraph : formatted.extensions?.serviceName;
  const ext = (code: unknown) => ({ code, ...(typeof serviceName === 'string' && { serviceName }) });

  if (original instanceof InspraakError && PUBLIC_CODES.has(original.code)) {
    return { message: original.message, ...path, extensions: ext(original.code) };
  }
  // Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED; a bad page size is bad input.
  const code =
    original instanceof PageSizeError ? 'BAD_USER_INPUT' : (clientCode(formatted) ?? formatted.extensions?.code);
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    return {
      message: formatted.message,
      ...(formatted.locations && { locations: formatted.locations }),
      ...path,
      extensions: ext(code),
    };
  }
  if (code !== 'INTERNAL_SERVER_ERROR') {
    log.error('masked gateway error', {
      code,
      message: formatted.message,
      stack: original instanceof Error ? original.stack : undefined,
    });
  }
  return { message: 'Internal server error', ...path, extensions: ext('INTERNAL_SERVER_ERROR') };
}
