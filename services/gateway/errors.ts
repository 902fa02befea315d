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

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'SUBGRAPH_TIMEOUT',
  'SUBGRAPH_UNAVAILABLE',
]);

export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const path = formatted.path ? { path: formatted.path } : {};
  const serviceName = original instanceof SubgraphError ? original.subgraph : formatted.extensions?.serviceName;
  const ext = (code: unknown) => ({ code, ...(typeof serviceName === 'string' && { serviceName }) });

  if (original instanceof InspraakError && PUBLIC_CODES.has(original.code)) {
    return { message: original.message, ...path, extensions: ext(original.code) };
  }
  // Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED; a bad page size is bad input.
  const code = original instanceof PageSizeError ? 'BAD_USER_INPUT' : formatted.extensions?.code;
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
