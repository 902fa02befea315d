/**
 * What every subgraph is, whether it runs in the gateway's process, as its own HTTP server or as a
 * Lambda: a schema and a way to make a fresh per-request context (with its DataLoaders). A subgraph is
 * registered once, as a `SubgraphDefinition`, in services/gateway/subgraphs.ts; every place that needs
 * "all the subgraphs" reads that list.
 */
import type { DocumentNode, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import type { TableAccess } from './dynamo/loader';
import { catalogued, InspraakError, type LogLevel, toGraphQLError } from './errors';
import { log } from './log';

export interface Subgraph<C = unknown> {
  /** The subgraph's name in the supergraph, e.g. `proposals`. */
  name: string;
  schema: GraphQLSchema;
  /** A fresh context for one request; DataLoaders in it batch within that request only. */
  createContext(): C;
  /**
   * For a long-running server only (not the gateway's in-process copy, not Lambda): prepares before the
   * first request and starts background work, such as refreshing a cache on a timer. Resolves to a
   * function that stops that work.
   */
  start?(): Promise<() => void>;
}

/** What a registered subgraph is built from: the table and its SDL (read by the caller from schema/). */
export interface SubgraphDeps {
  db: TableAccess;
  typeDefs: DocumentNode;
  /** The AWS region the process's clients use (the common AWS_REGION setting). */
  region: string;
}

/** The resolver types graphql-codegen generates for a subgraph (codegen.ts reads this). */
export interface SubgraphCodegen {
  /** The context type's name, exported by `services/<name>/context.ts`. */
  contextType: string;
  /** GraphQL type → model type the resolvers receive, as `path#Export` relative to `services/<name>/generated/`. */
  mappers: Record<string, string>;
}

/**
 * One entry of the subgraph registry.
 * - `name`: the subgraph's name in the supergraph; its SDL is `schema/<name>.graphql`, its code
 *   `services/<name>/` (with `lambda.ts`, the Lambda entry).
 * - `configShape`: the environment variables only this subgraph reads (zod, one key per variable), on top
 *   of the table's; the gateway's configuration includes every subgraph's, since it runs them in-process.
 * - `create(deps, config)`: builds the subgraph.
 */
export interface SubgraphDefinition<Name extends string = string, Shape extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: Name;
  readonly configShape: Shape;
  readonly codegen: SubgraphCodegen;
  create(deps: SubgraphDeps, config: SubgraphOwnConfig<Shape>): Subgraph<object>;
}

/** The parsed values of a subgraph's `configShape` (nothing, for a subgraph without settings of its own). */
export type SubgraphOwnConfig<Shape extends z.ZodRawShape> = [keyof Shape] extends [never]
  ? object
  : z.infer<z.ZodObject<Shape>>;

/** Declares a registry entry, keeping its literal name and config shape in the type. */
export function defineSubgraph<const Name extends string, Shape extends z.ZodRawShape>(
  definition: SubgraphDefinition<Name, Shape>,
): SubgraphDefinition<Name, Shape> {
  return definition;
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
    if (mapped.extensions.code === 'INTERNAL_SERVER_ERROR') logInternal(original, catalogued(original.code).level);
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
  const internal = catalogued('INTERNAL_SERVER_ERROR');
  logInternal(original, internal.level);
  return {
    message: internal.message,
    ...(formatted.path && { path: formatted.path }),
    extensions: { code: internal.code },
  };
}

function logInternal(error: unknown, level: LogLevel): void {
  log[level]('internal error', {
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
}
