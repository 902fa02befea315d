/**
 * What every subgraph is, whether it runs in the gateway's process, as its own HTTP server or as a
 * Lambda: a schema and a way to make a fresh per-request context (with its DataLoaders).
 */
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { InspraakError, toGraphQLError } from './errors';
import { log } from './log';

export interface Subgraph<C = unknown> {
  /** The subgraph's name in the supergraph, e.g. `proposals`. */
  name: string;
  schema: GraphQLSchema;
  /** A fresh context for one request; DataLoaders in it batch within that request only. */
  createContext(): C;
}

/**
 * Formats an error for a client: expected errors keep their message and code; GraphQL's own
 * validation and coercion errors pass; anything else becomes a masked INTERNAL_SERVER_ERROR and is
 * logged with its stack, so that no stack trace or internal address reaches a client.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof InspraakError) {
    const mapped = toGraphQLError(original);
    if (mapped.extensions.code === 'INTERNAL_SERVER_ERROR') logInternal(original);
    return { ...formatted, message: mapped.message, extensions: { code: mapped.extensions.code } };
  }
  if (original === undefined || original === null) {
    // A GraphQL error raised by graphql-js itself (validation, variable coercion): safe to show.
    const code = formatted.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED';
    return { ...formatted, extensions: { code } };
  }
  if (original instanceof GraphQLError && original.extensions?.code) {
    return { ...formatted, extensions: { code: original.extensions.code } };
  }
  logInternal(original);
  return {
    message: 'Internal server error',
    ...(formatted.path && { path: formatted.path }),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function logInternal(error: unknown): void {
  log.error('internal error', {
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
}
