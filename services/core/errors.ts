/**
 * Expected failures are small named classes with a code; `toGraphQLError` is the one table that maps
 * them to `extensions.code`. Anything else is an internal error whose message clients never see.
 */
import { GraphQLError } from 'graphql';

export abstract class InspraakError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
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

/** A process was started with configuration it cannot use. */
export class ConfigError extends InspraakError {
  readonly code = 'CONFIG_INVALID';
}

const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND']);

/** Maps an error thrown in a resolver to the GraphQLError a client may see. */
export function toGraphQLError(error: unknown, path?: ReadonlyArray<string | number>): GraphQLError {
  if (error instanceof InspraakError && CLIENT_CODES.has(error.code)) {
    return new GraphQLError(error.message, { path, extensions: { code: error.code } });
  }
  return new GraphQLError('Internal server error', { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
