/**
 * Errors are values with a code. `ERROR_CATALOGUE` is the one table of every code Inspraak answers or
 * logs: what kind of failure it is, its HTTP status when the error is the whole answer, the public
 * message, and the level it is logged at. Expected failures are small named classes (`InspraakError`)
 * that carry a code from it and keep their `cause`; every formatter and handler — subgraphs, the
 * gateway, the plain-URL routes, the HTTP front, the Lambda guard, the harvester — reads this table.
 * A client sees only the codes of kind `client` and `unavailable`; anything else is answered as
 * INTERNAL_SERVER_ERROR, with no stack trace, upstream message or internal address.
 */
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * - `client`: the request was wrong (or is a step of a protocol, as persisted queries are); the error's
 *   own message, written for the client, says what to change. Never our failure.
 * - `unavailable`: a part of Inspraak did not answer; the client may retry. Its message names no address.
 * - `internal`: our failure or an upstream's, for operators only: clients see INTERNAL_SERVER_ERROR.
 */
export type ErrorKind = 'client' | 'unavailable' | 'internal';

export interface CatalogueEntry {
  readonly kind: ErrorKind;
  /** The HTTP status when this error is the whole answer. (A GraphQL answer with data is 200 whatever its errors.) */
  readonly status: number;
  /** What a client is told when the error has no message of its own for clients; for operators, what the code means. */
  readonly message: string;
  /** The level at which the error is logged where it happens. */
  readonly level: LogLevel;
}

const client = (status: number, message: string, level: LogLevel = 'info'): CatalogueEntry => ({
  kind: 'client',
  status,
  message,
  level,
});
const internal = (status: number, message: string, level: LogLevel = 'error'): CatalogueEntry => ({
  kind: 'internal',
  status,
  message,
  level,
});

export const ERROR_CATALOGUE = {
  // The client's mistakes (GraphQL-over-HTTP: 4xx before execution).
  BAD_REQUEST: client(400, 'The request is not a GraphQL request this API can read.'),
  REQUEST_TOO_LARGE: client(413, 'The request body is too large.'),
  GRAPHQL_PARSE_FAILED: client(400, 'The query is not valid GraphQL.'),
  GRAPHQL_VALIDATION_FAILED: client(400, 'The query does not fit the schema or the query limits.'),
  BAD_USER_INPUT: client(400, 'An argument or variable has a value this API does not accept.'),
  COST_LIMIT_EXCEEDED: client(400, 'The query asks for more than one request may.'),
  OPERATION_RESOLUTION_FAILURE: client(400, 'The operation to run could not be determined.'),
  OPERATION_NOT_SUPPORTED: client(400, 'This API answers queries only.'),
  NOT_FOUND: client(404, 'There is nothing at this id or address.'),
  // Automatic persisted queries: Apollo Server answers these 200 so that the client sends the full query.
  PERSISTED_QUERY_NOT_FOUND: client(200, 'The persisted query is not known: send the full query.', 'debug'),
  PERSISTED_QUERY_NOT_SUPPORTED: client(200, 'Persisted queries are not supported here.', 'debug'),
  PERSISTED_QUERY_HASH_MISMATCH: client(400, 'The persisted query hash does not match the query.'),
  PERSISTED_QUERY_NOT_TRUSTED: client(400, 'Only trusted persisted queries are accepted.'),
  // A part of Inspraak did not answer: the other fields of a query still do.
  SUBGRAPH_TIMEOUT: { kind: 'unavailable', status: 504, message: 'A subgraph did not answer in time.', level: 'warn' },
  SUBGRAPH_UNAVAILABLE: {
    kind: 'unavailable',
    status: 502,
    message: 'A subgraph could not be reached.',
    level: 'error',
  },
  SUBGRAPH_BAD_RESPONSE: {
    kind: 'unavailable',
    status: 502,
    message: 'A subgraph answered something its schema does not allow.',
    level: 'error',
  },
  EXPORT_FAILED: {
    kind: 'unavailable',
    status: 503,
    message: 'The export could not be read from the API; try again later.',
    level: 'error',
  },
  EXPLORER_NOT_BUILT: {
    kind: 'unavailable',
    status: 503,
    message: 'The API explorer is not built: run `npm run build:explorer`.',
    level: 'warn',
  },
  // Ours, for operators only.
  INTERNAL_SERVER_ERROR: internal(500, 'Internal server error'),
  CONFIG_INVALID: internal(500, 'A process was started with configuration it cannot use.'),
  INVARIANT_BROKEN: internal(500, 'Something our own code or data promises does not hold: a bug to fix.'),
  DEPENDENCY_FAILED: internal(503, 'An AWS service (DynamoDB, SQS, CloudFormation) did not do what was asked.'),
  COMPOSITION_FAILED: internal(500, 'The subgraph schemas do not compose into a supergraph.'),
  PABULIB_FORMAT_INVALID: internal(500, 'A Pabulib file does not follow the format.', 'warn'),
  SEARCH_SNAPSHOT_INVALID: internal(500, 'A search index snapshot could not be read.', 'warn'),
  // A harvest's source-level failures: the installation's, recorded in Source.harvest and logged.
  SOURCE_UNAVAILABLE: internal(502, 'The installation could not be reached.', 'warn'),
  UPSTREAM_HTTP_ERROR: internal(502, 'The installation answered with an HTTP error status.', 'warn'),
  UPSTREAM_SCHEMA_ERROR: internal(502, 'The installation answered something its API does not define.', 'warn'),
  RESPONSE_TOO_LARGE: internal(502, "The installation's response was larger than the source's cap.", 'warn'),
  PAGINATION_ERROR: internal(502, "The installation's paging did not end.", 'warn'),
  SOURCE_UNKNOWN: internal(500, 'A harvest message names a source that is not in the sources file.'),
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The entry of `code`; a code outside the catalogue is treated as INTERNAL_SERVER_ERROR. */
export function catalogued(code: unknown): CatalogueEntry & { code: ErrorCode } {
  const known = typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
  const key = (known ? code : 'INTERNAL_SERVER_ERROR') as ErrorCode;
  return { code: key, ...ERROR_CATALOGUE[key] };
}

/** Codes a client may see with the error's own message: kinds `client` and `unavailable`. */
export const isPublicCode = (code: unknown): code is ErrorCode => catalogued(code).kind !== 'internal';

/**
 * Errors other libraries raise for a client's mistake without a code of ours, and the code each means:
 * the query planner's INVALID_GRAPHQL (an operation it cannot plan) and Apollo Server's check of an
 * automatic persisted query's hash (which has a message but no code). The only place a foreign error
 * becomes one of ours; formatters read it through `codeOf`.
 */
export const FOREIGN_ERRORS: readonly ({ means: ErrorCode } & ({ theirCode: string } | { theirMessage: string }))[] = [
  { theirCode: 'INVALID_GRAPHQL', means: 'GRAPHQL_VALIDATION_FAILED' },
  { theirMessage: 'provided sha does not match query', means: 'PERSISTED_QUERY_HASH_MISMATCH' },
];

/**
 * The code an error reaching a formatter stands for: the one Inspraak gave it (an InspraakError's, or an
 * InspraakGraphQLError's, which Apollo Server re-labels GRAPHQL_VALIDATION_FAILED like every validation
 * error), else the code a foreign error means (FOREIGN_ERRORS), else the code it was formatted with. It
 * may lie outside the catalogue: `catalogued` and `publicError` mask such a code.
 */
export function codeOf(
  formatted: { message: string; extensions?: { readonly [key: string]: unknown } },
  original: unknown,
): unknown {
  if (original instanceof InspraakError || original instanceof InspraakGraphQLError) return original.code;
  const code = formatted.extensions?.code;
  const foreign = FOREIGN_ERRORS.find((f) =>
    'theirCode' in f ? f.theirCode === code : f.theirMessage === formatted.message,
  );
  return foreign?.means ?? code;
}

/** Codes that mean the client's request was wrong: answered 4xx (or 200, for persisted queries), never our failure. */
export const CLIENT_CODES: ReadonlySet<string> = new Set(
  Object.entries(ERROR_CATALOGUE)
    .filter(([, e]) => e.kind === 'client')
    .map(([code]) => code),
);

/**
 * What a client sees of an error with `code` and `message`: its own code, status and message when the
 * code is public, else INTERNAL_SERVER_ERROR with the catalogue's message.
 */
export function publicError(code: unknown, message?: string): { code: ErrorCode; status: number; message: string } {
  const entry = catalogued(code);
  if (entry.kind === 'internal') {
    const masked = catalogued('INTERNAL_SERVER_ERROR');
    return { code: masked.code, status: masked.status, message: masked.message };
  }
  return { code: entry.code, status: entry.status, message: message ?? entry.message };
}

/** Every expected failure: a named class with a code from ERROR_CATALOGUE; keeps its `cause`. */
export abstract class InspraakError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * An error Inspraak reports while validating a query (validation rules report GraphQLErrors), with a
 * code of ours that is more precise than the GRAPHQL_VALIDATION_FAILED Apollo Server gives every
 * validation error; `codeOf` keeps it.
 */
export class InspraakGraphQLError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: Omit<GraphQLErrorOptions, 'extensions'> = {},
  ) {
    super(message, { ...options, extensions: { code } });
  }
}

/** The client asked for something malformed: a bad argument, cursor or id. */
export class BadUserInputError extends InspraakError {
  readonly code = 'BAD_USER_INPUT';
}

/** The client asked for an item that does not exist. */
export class NotFoundError extends InspraakError {
  readonly code = 'NOT_FOUND';
}

/** A process (or the CDK app, at synth) was started with configuration it cannot use. */
export class ConfigError extends InspraakError {
  readonly code = 'CONFIG_INVALID';
}

/** Something our own code or data promises does not hold (a bug, not the client's or an upstream's doing). */
export class InvariantError extends InspraakError {
  readonly code = 'INVARIANT_BROKEN';
}

/** An AWS service we depend on (DynamoDB, SQS, CloudFormation) did not do what was asked, after retries. */
export class DependencyError extends InspraakError {
  readonly code = 'DEPENDENCY_FAILED';
  constructor(
    readonly dependency: 'DynamoDB' | 'SQS' | 'CloudFormation',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Maps an error thrown in a resolver to the GraphQLError a client may see (see `publicError`). */
export function toGraphQLError(error: unknown, path?: ReadonlyArray<string | number>): GraphQLError {
  const shown = error instanceof InspraakError ? publicError(error.code, error.message) : publicError(undefined);
  return new GraphQLError(shown.message, { path, extensions: { code: shown.code } });
}

/**
 * A request answered with one error before GraphQL runs (HTTP front, Lambda guard, unknown routes): the
 * catalogue's status for `code` and a GraphQL-shaped JSON body.
 */
export function errorAnswer(code: ErrorCode, message?: string): { status: number; body: string } {
  const shown = publicError(code, message);
  return { status: shown.status, body: JSON.stringify({ errors: [{ message: shown.message, extensions: { code } }] }) };
}
