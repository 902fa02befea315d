/**
 * Building a subgraph's executable schema without validating its SDL again at every cold start.
 *
 * `buildSubgraphSchema` (@apollo/subgraph) builds a federation schema, validates it against the federation
 * rules, prints it for `_service.sdl`, converts it to a graphql-js schema (validating the SDL once more) and
 * adds the resolvers: ≈0.1–0.25 s for our four subgraphs in a cold process, every time, although
 * `npm run compose` has already validated and composed the same SDL. So compose also writes what that
 * build produces — the graphql-js schema's SDL and `_service.sdl` — to `schema/prebuilt/<name>.json`,
 * keyed by the SHA-256 of the source SDL. `subgraphTypeDefs` (schema.ts) remembers a prebuilt schema whose
 * key matches the file it parsed; `buildSubgraphSchemaFast` builds from it with graphql-js's
 * `assumeValidSDL`/`assumeValid` and adds the same resolvers `buildSubgraphSchema` adds. Without a prebuilt
 * schema, or with a stale one, it is `buildSubgraphSchema` itself. test/composition.test.ts holds the
 * prebuilt files current and services/core/__tests__/subgraphSchema.test.ts holds both builds equal.
 */
import { createHash } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
// Not in the package's index, but what buildSubgraphSchema itself uses (the package has no `exports` map).
import { addResolversToSchema, type GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { entitiesResolver } from '@apollo/subgraph/dist/types';
import { buildASTSchema, type DocumentNode, type GraphQLSchema, graphqlSync, parse, printSchema } from 'graphql';
import { InvariantError } from './errors';

/** What `buildSubgraphSchema` builds from one SDL, as text (schema/prebuilt/<name>.json). */
export interface PrebuiltSubgraphSchema {
  /** SHA-256 (hex) of the source SDL it was built from. */
  source: string;
  /** graphql-js `printSchema` of the built schema: federation's types and directives included. */
  schema: string;
  /** What the built schema answers to `{ _service { sdl } }`. */
  service: string;
}

const prebuilt = new WeakMap<DocumentNode, PrebuiltSubgraphSchema>();

export function sdlHash(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex');
}

/** Builds `sdl` the slow, validating way and records the result (npm run compose). */
export function prebuildSubgraphSchema(sdl: string): PrebuiltSubgraphSchema {
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl) });
  const answer = graphqlSync({ schema, source: '{ _service { sdl } }' });
  const service = (answer.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof service !== 'string')
    throw new InvariantError(`_service.sdl did not answer: ${JSON.stringify(answer.errors)}`);
  return { source: sdlHash(sdl), schema: printSchema(schema), service };
}

/** Marks `typeDefs`, parsed from `sdl`, as built by `built` when `built` was made from that very SDL. */
export function rememberPrebuilt(typeDefs: DocumentNode, sdl: string, built: PrebuiltSubgraphSchema | undefined): void {
  if (built && built.source === sdlHash(sdl)) prebuilt.set(typeDefs, built);
}

/** The prebuilt schema `typeDefs` will be built from, if any. */
export const prebuiltOf = (typeDefs: DocumentNode): PrebuiltSubgraphSchema | undefined => prebuilt.get(typeDefs);

/** `buildSubgraphSchema({ typeDefs, resolvers })`, from the prebuilt schema when `typeDefs` has one. */
export function buildSubgraphSchemaFast(typeDefs: DocumentNode, resolvers: GraphQLResolverMap<unknown>): GraphQLSchema {
  const built = prebuilt.get(typeDefs);
  if (!built) return buildSubgraphSchema({ typeDefs, resolvers });
  return fromPrebuilt(built, resolvers);
}

/** The executable schema of `built` with `resolvers`, as buildSubgraphSchema makes it, without validation. */
export function fromPrebuilt(built: PrebuiltSubgraphSchema, resolvers: GraphQLResolverMap<unknown>): GraphQLSchema {
  const schema = buildASTSchema(parse(built.schema, { noLocation: true }), { assumeValidSDL: true, assumeValid: true });
  const query = schema.getQueryType()?.name ?? 'Query';
  addResolversToSchema(schema, { [query]: { _service: () => ({ sdl: built.service }) } });
  if (schema.getType('_Entity'))
    addResolversToSchema(schema, {
      [query]: {
        _entities: (_source, { representations }, context, info) =>
          entitiesResolver({ representations, context, info }),
      },
      _Entity: { __resolveType: (parent: { __typename: string }) => parent.__typename },
    });
  addResolversToSchema(schema, resolvers);
  return schema;
}
