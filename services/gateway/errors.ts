/**
 * What a client may see of an error at the gateway, by the error catalogue (services/core/errors.ts):
 * public codes keep their message; errors from a data source become SUBGRAPH_TIMEOUT or
 * SUBGRAPH_UNAVAILABLE; anything else is masked and logged, so no stack trace, upstream message or
 * internal address ever reaches a client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { catalogued, CLIENT_CODES, InspraakError, isPublicCode } from '../core/errors';
import { log } from '../core/log';
import { SubgraphError } from './dataSources';
import { PageSizeError } from './limits';

/** Codes that mean the client's request was wrong (the catalogue's `client` kind, services/core/errors.ts). */
export { CLIENT_CODES };

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

  if (original instanceof InspraakError && isPublicCode(original.code)) {
    return { message: original.message, ...path, extensions: ext(original.code) };
  }
  // Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED; a bad page size is bad input.
  const code =
    original instanceof PageSizeError ? 'BAD_USER_INPUT' : (clientCode(formatted) ?? formatted.extensions?.code);
  if (isPublicCode(code)) {
    return {
      message: formatted.message,
      ...(formatted.locations && { locations: formatted.locations }),
      ...path,
      extensions: ext(code),
    };
  }
  const masked = catalogued(original instanceof InspraakError ? original.code : 'INTERNAL_SERVER_ERROR');
  // An INTERNAL_SERVER_ERROR from a subgraph was logged there, with its stack.
  if (code !== 'INTERNAL_SERVER_ERROR' || original instanceof InspraakError) {
    log[masked.level]('masked gateway error', {
      code: original instanceof InspraakError ? original.code : code,
      message: formatted.message,
      stack: original instanceof Error ? original.stack : undefined,
    });
  }
  const internal = catalogued('INTERNAL_SERVER_ERROR');
  return { message: internal.message, ...path, extensions: ext(internal.code) };
}
