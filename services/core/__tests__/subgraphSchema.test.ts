import { buildSubgraphSchema } from '@apollo/subgraph';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, graphql, type GraphQLSchema, parse, printSchema, validateSchema } from 'graphql';
import { resolvers as budgets } from '../../budgets/subgraph';
import { resolvers as municipalities } from '../../municipalities/subgraph';
import { resolvers as proposals } from '../../proposals/subgraph';
import { resolvers as search } from '../../search/subgraph';
import { DEFAULT_SCHEMA_DIR, subgraphTypeDefs } from '../schema';
import { buildSubgraphSchemaFast, prebuildSubgraphSchema, prebuiltOf, rememberPrebuilt } from '../subgraphSchema';

const RESOLVERS = { municipalities, proposals, budgets, search } as const;
const sdlOf = (name: string) => readFileSync(join(DEFAULT_SCHEMA_DIR, `${name}.graphql`), 'utf8');

describe('subgraph schemas built from the prebuilt schema (schema/<name>.prebuilt.json)', () => {
  it.each(Object.keys(RESOLVERS))(
    '%s: the same schema as buildSubgraphSchema, without validating it again',
    async (name) => {
      const r = RESOLVERS[name as keyof typeof RESOLVERS] as never;
      const typeDefs = subgraphTypeDefs(name);
      expect(prebuiltOf(typeDefs)).toBeDefined(); // the committed file is current, so the fast path is taken
      const fast = buildSubgraphSchemaFast(typeDefs, r);
      const validated = buildSubgraphSchema({ typeDefs: parse(sdlOf(name)), resolvers: r });
      expect(printSchema(fast)).toBe(printSchema(validated));
      // Valid when validated after all (the fast build skips it).
      expect(validateSchema(buildASTSchema(parse(prebuiltOf(typeDefs)!.schema)))).toEqual([]);
      const ask = (schema: GraphQLSchema, source: string) => graphql({ schema, source, contextValue: {} });
      const service = '{ _service { sdl } }';
      expect(await ask(fast, service)).toEqual(await ask(validated, service));
      // The same resolvers where the build puts them: scalars, entity references, abstract types.
      for (const [typeName, type] of Object.entries(validated.getTypeMap())) {
        const other = fast.getType(typeName) as unknown as Record<string, unknown>;
        const t = type as unknown as Record<string, unknown>;
        for (const key of ['serialize', 'parseValue', 'parseLiteral', 'resolveType', 'isTypeOf'])
          if (typeName in (r as object) && typeof t[key] === 'function')
            expect([typeName, other[key]]).toEqual([typeName, t[key]]);
        const ref = (x: Record<string, unknown>) =>
          (x.extensions as { apollo?: { subgraph?: { resolveReference?: unknown } } })?.apollo?.subgraph
            ?.resolveReference;
        expect([typeName, ref(other)]).toEqual([typeName, ref(t)]);
        if ('getFields' in type) {
          const fields = (other as unknown as { getFields(): Record<string, { resolve?: unknown }> }).getFields();
          for (const [field, def] of Object.entries(
            (type as unknown as { getFields(): Record<string, { resolve?: unknown }> }).getFields(),
          ))
            if (!field.startsWith('_'))
              expect([typeName, field, fields[field]?.resolve]).toEqual([typeName, field, def.resolve]);
        }
      }
      if (fast.getType('_Entity')) {
        const entities = '{ _entities(representations: [{ __typename: "NoSuchType" }]) { __typename } }';
        expect(JSON.stringify(await ask(fast, entities))).toBe(JSON.stringify(await ask(validated, entities)));
      }
    },
  );

  it('falls back to buildSubgraphSchema when the prebuilt schema was made from other SDL', () => {
    const sdl = sdlOf('search');
    const typeDefs = parse(sdl);
    const built = prebuildSubgraphSchema(sdl);
    rememberPrebuilt(typeDefs, `${sdl}\n# changed\n`, built);
    expect(prebuiltOf(typeDefs)).toBeUndefined();
    rememberPrebuilt(typeDefs, sdl, built);
    expect(prebuiltOf(typeDefs)).toBe(built);
  });
});
