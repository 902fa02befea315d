/**
 * What a client may see of an error at the gateway, by the error catalogue (services/core/errors.ts),
 * which alone maps codes (and other libraries' errors, `codeOf`) to what clients see: public codes keep
 * their message; errors from a data source become SUBGRAPH_TIMEOUT or SUBGRAPH_UNAVAILABLE; anything
 * else is masked and logged, so no stack trace, upstream message or internal address reaches a client.
 * What is left here is the gateway's own: which subgraph an error came from.
 */
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { catalogued, codeOf, InspraakError, isPublicCode } from '../core/errors';
import { log } from '../core/log';
import { SubgraphError } from './dataSources';

export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const path = formatted.path ? { path: formatted.path } : {};
  const serviceName = original instanceof SubgraphError ? original.subgraph : formatted.extensions?.serviceName;
  const ext = (code: unknown) => ({ code, ...(typeof serviceName === 'string' && { serviceName }) });

  if (original instanceof InspraakError && isPublicCode(original.code)) {
    return { message: original.message, ...path, extensions: ext(original.code) };
  }
  const code = codeOf(formatted, original);
  if (isPublicCode(code)) {
    return {
      message: formatted.message,
      ...(formatted.locations && { locations: formatted.locations }),
      ...path,
      extensions: ext(code),
    };
  }
  // An INTERNAL_SERVER_ERROR from a subgraph was logged there, with its stack.
  if (code !== 'INTERNAL_SERVER_ERROR' || original instanceof InspraakError) {
    log[catalogued(code).level]('masked gateway error', {
      code,
      message: formatted.message,
      stack: original instanceof Error ? original.stack : undefined,
    });
  }
  const internal = catalogued('INTERNAL_SERVER_ERROR');
  return { message: internal.message, ...path, extensions: ext(internal.code) };
}
