/**
 * CONSUL 2.2.1+'s query limits, `max_depth 8` and `max_complexity 2500` (docs/upstreams/consul.md §3.2), computed roughly
 * as graphql-ruby does: every field level counts for depth (introspection included); every field costs 1,
 * and a connection costs `1 + pageSize × (cost of one item) + pageInfo/edges/nodes overhead`, where
 * pageSize is the requested `first`/`last` (not the capped one) or 25.
 */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export const MAX_DEPTH = 8;
export const MAX_COMPLEXITY = 2500;
const DEFAULT_PAGE_SIZE = 25;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The fields of a selection set, with fragments inlined (graphql-ruby analyses them in place). */
function fieldsOf(set: SelectionSetNode | undefined, walk: Walk, seen = new Set<string>()): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, walk, seen);
    if (seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    return fieldsOf(walk.fragments.get(s.name.value)?.selectionSet, walk, seen);
  });
}

function childType(parent: GraphQLNamedType | undefined, field: FieldNode): GraphQLNamedType | undefined {
  const name = field.name.value;
  if (name === '__schema') return getNamedType(SchemaMetaFieldDef.type);
  if (name === '__type') return getNamedType(TypeMetaFieldDef.type);
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) {
    const def = parent.getFields()[name];
    return def ? getNamedType(def.type) : undefined;
  }
  return undefined;
}

function depth(fields: FieldNode[], level: number, walk: Walk): number {
  let max = level - 1;
  for (const f of fields) {
    max = Math.max(max, f.selectionSet ? depth(fieldsOf(f.selectionSet, walk), level + 1, walk) : level);
  }
  return max;
}

function intArg(field: FieldNode, name: string, walk: Walk): number | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = walk.variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function complexity(field: FieldNode, parent: GraphQLNamedType | undefined, walk: Walk): number {
  const type = childType(parent, field);
  const children = fieldsOf(field.selectionSet, walk);
  if (!type?.name.endsWith('Connection')) {
    return 1 + children.reduce((sum, c) => sum + complexity(c, type, walk), 0);
  }
  const pageSize = intArg(field, 'first', walk) ?? intArg(field, 'last', walk) ?? DEFAULT_PAGE_SIZE;
  let item = 0;
  let overhead = 0;
  for (const c of children) {
    const ct = childType(type, c);
    if (c.name.value === 'edges' || c.name.value === 'nodes') {
      overhead += 1;
      item += fieldsOf(c.selectionSet, walk).reduce((sum, g) => sum + complexity(g, ct, walk), 0);
    } else {
      overhead += 1 + fieldsOf(c.selectionSet, walk).length;
    }
  }
  return 1 + pageSize * item + overhead;
}

/** The first limit the operation breaks, as graphql-ruby's message, or null. */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): string | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return null;
  const walk: Walk = { schema, fragments, variables };
  const top = fieldsOf(operation.selectionSet, walk);
  const d = depth(top, 1, walk);
  if (d > MAX_DEPTH) return `Query has depth of ${d}, which exceeds max depth of ${MAX_DEPTH}`;
  const root = schema.getQueryType() ?? undefined;
  const c = top.reduce((sum, f) => sum + complexity(f, root, walk), 0);
  if (c > MAX_COMPLEXITY) return `Query has complexity of ${c}, which exceeds max complexity of ${MAX_COMPLEXITY}`;
  return null;
}
