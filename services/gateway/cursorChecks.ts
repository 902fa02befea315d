/**
 * Cursors checked before execution: every `after` of a field our own subgraphs serve must be a cursor
 * this deployment sealed (services/core/cursor.ts), or the request is a 400 BAD_USER_INPUT before any
 * subgraph is called. Partners' fields are left alone: their cursors are theirs. Which list a cursor
 * belongs to is still checked where it is read (the subgraph knows the list).
 */
import {
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  parse,
  type StringValueNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { openCursor } from '../core/cursor';
import { BadUserInputError } from '../core/errors';

/** "Type.field" of every field with an `after` argument that only graphs named in `own` resolve. */
export function ownCursorFields(supergraphSdl: string, own: readonly string[]): Set<string> {
  const doc = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const graphsOf = (directives: readonly { name: { value: string }; arguments?: readonly any[] }[] = [], d: string) =>
    directives
      .filter((x) => x.name.value === d)
      .map((x) => x.arguments?.find((a) => a.name.value === 'graph')?.value.value as string);
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of def.values ?? []) {
        const name = v.directives
          ?.find((x) => x.name.value === 'join__graph')
          ?.arguments?.find((a) => a.name.value === 'name')?.value as StringValueNode | undefined;
        if (name) graphNames.set(v.name.value, name.value);
      }
    }
  }
  const fields = new Set<string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeGraphs = graphsOf(def.directives, 'join__type');
    for (const field of def.fields ?? []) {
      if (!field.arguments?.some((a) => a.name.value === 'after')) continue;
      const fieldGraphs = graphsOf(field.directives, 'join__field');
      const graphs = fieldGraphs.length ? fieldGraphs : typeGraphs;
      if (graphs.length && graphs.every((g) => own.includes(graphNames.get(g) ?? ''))) {
        fields.add(`${def.name.value}.${field.name.value}`);
      }
    }
  }
  return fields;
}

/** The messages of the `after` cursors in `document` (literal or from `variables`) that are not ours. */
export function cursorErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  fields: ReadonlySet<string>,
): string[] {
  const errors: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (node.name.value !== 'after') return;
        const coordinate = `${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}`;
        if (!fields.has(coordinate)) return;
        const value =
          node.value.kind === Kind.STRING
            ? node.value.value
            : node.value.kind === Kind.VARIABLE
              ? variables[node.value.name.value]
              : undefined;
        if (typeof value !== 'string') return;
        try {
          openCursor(value);
        } catch (e) {
          if (!(e instanceof BadUserInputError)) throw e;
          errors.push(e.message);
        }
      },
    }),
  );
  return [...new Set(errors)];
}
