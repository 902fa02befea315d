/**
 * graphql-js words validation errors differently from graphql-ruby, whose messages adapters read to
 * probe versions (docs/upstreams/decidim.md §8 note 2: "Field 'x' doesn't exist on type 'Proposal'"). This rewrites the
 * ones that matter into graphql-ruby's words and codes; the rest pass through.
 */
import type { GraphQLError } from 'graphql';

export interface RubyError {
  message: string;
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/** One graphql-js validation error in graphql-ruby's shape. */
export function rubyValidationError(e: GraphQLError): RubyError {
  const locations = e.locations?.map((l) => ({ line: l.line, column: l.column }));
  const field = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(e.message);
  if (field) {
    return {
      message: `Field '${field[1]}' doesn't exist on type '${field[2]}'`,
      locations,
      extensions: { code: 'undefinedField', typeName: field[2], fieldName: field[1] },
    };
  }
  const arg = /^Unknown argument "([^"]+)" on field "([^".]+)\.([^"]+)"\./.exec(e.message);
  if (arg) {
    return {
      message: `Field '${arg[3]}' doesn't accept argument '${arg[1]}'`,
      locations,
      extensions: { code: 'argumentNotAccepted', name: arg[3], typeName: 'Field', argumentName: arg[1] },
    };
  }
  const type = /^Unknown type "([^"]+)"\./.exec(e.message);
  if (type)
    return {
      message: `No such type ${type[1]}, so it can't be a fragment condition`,
      locations,
      extensions: { code: 'undefinedType', typeName: type[1] },
    };
  return { message: e.message, locations };
}
