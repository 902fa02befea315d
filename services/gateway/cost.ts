/**
 * A cost model that counts what a query can return, in objects ("nodes"), variables and defaults
 * included. It follows the IBM GraphQL cost specification as Apollo's demand control applies it: the
 * subgraph schemas carry `@listSize(slicingArguments: ["first"], sizedFields: ["edges"])` on every
 * connection, `@listSize(assumedSize: n)` on every other list of objects and `@cost(weight: n)` where a
 * field is heavier than an object (Budget.pabulib); composition copies them into the supergraph, which
 * is where this module reads them. See docs/operations.md, "Limits".
 *
 * - An object-typed field costs its weight (1 unless `@cost` says otherwise) plus its selections;
 *   scalars and enums cost 0 unless weighted.
 * - A list of objects costs n × (weight + selections), n being its slicing argument's value (from the
 *   literal, the variable or the argument's default) or else its assumed size.
 * - A connection costs its weight plus its selections, where each sized field (`edges`) counts n times.
 * - On an abstract type, the most expensive possible type counts; @skip/@include are ignored (an
 *   upper bound). Introspection fields cost 1 and are bounded by the schema's size and the depth limit.
 */
import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/** The cost directives of a supergraph, by `Type.field` (fields) and by type name (types). */
export interface CostDirectives {
  fieldWeights: Map<string, number>;
  typeWeights: Map<string, number>;
  listSizes: Map<string, ListSize>;
}

/** Reads `@cost` and `@listSize` from a composed supergraph's SDL. */
export function costDirectives(supergraphSdl: string): CostDirectives {
  const out: CostDirectives = { fieldWeights: new Map(), typeWeights: new Map(), listSizes: new Map() };
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeCost = def.directives?.find((d) => d.name.value === 'cost');
    if (typeCost) out.typeWeights.set(def.name.value, Number(argument(typeCost, 'weight')));
    for (const field of def.fields ?? []) {
      const key = `${def.name.value}.${field.name.value}`;
      for (const d of field.directives ?? []) {
        if (d.name.value === 'cost') out.fieldWeights.set(key, Number(argument(d, 'weight')));
        if (d.name.value === 'listSize') {
          out.listSizes.set(key, {
            assumedSize: argument(d, 'assumedSize') as number | undefined,
            slicingArguments: argument(d, 'slicingArguments') as string[] | undefined,
            sizedFields: argument(d, 'sizedFields') as string[] | undefined,
          });
        }
      }
    }
  }
  return out;
}

function argument(d: ConstDirectiveNode, name: string): unknown {
  const arg = d.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value) : undefined;
}

/** Assumed length of a list with no `@listSize` (only introspection's lists: everything else has one). */
const UNSIZED_LIST = 10;

/**
 * The estimated cost of `operation` with the given (coerced) variable values. Variables missing from
 * `variables` take their defaults through `getArgumentValues`, as execution would.
 */
export function estimateCost(
  schema: GraphQLSchema,
  directives: CostDirectives,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  /** Field nodes of `set` that apply to the concrete type `type`, fragments flattened. */
  function fieldsFor(set: SelectionSetNode, type: GraphQLObjectType, seen = new Set<string>()): FieldNode[] {
    const out: FieldNode[] = [];
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) out.push(sel);
      else {
        const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments.get(sel.name.value);
        if (!fragment) continue;
        if (sel.kind === Kind.FRAGMENT_SPREAD) {
          // Validation already refuses cycles; this only keeps a bad document from looping here.
          if (seen.has(sel.name.value)) continue;
          seen.add(sel.name.value);
        }
        const condition = fragment.typeCondition?.name.value;
        if (condition && !applies(condition, type)) continue;
        out.push(...fieldsFor(fragment.selectionSet, type, seen));
      }
    }
    return out;
  }

  function applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const cond = schema.getType(condition);
    return !!cond && isAbstractType(cond) && schema.isSubType(cond, type);
  }

  function selectionCost(set: SelectionSetNode, type: GraphQLNamedType, sized?: { names: string[]; n: number }) {
    const concrete = isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
    let max = 0;
    for (const t of concrete) {
      let sum = 0;
      for (const node of fieldsFor(set, t)) {
        const n = sized?.names.includes(node.name.value) ? sized.n : undefined;
        sum += fieldCost(node, t, n);
      }
      max = Math.max(max, sum);
    }
    return max;
  }

  function fieldCost(node: FieldNode, parent: GraphQLObjectType, sizeFromParent?: number): number {
    const name = node.name.value;
    if (name === '__typename') return 0;
    if (name.startsWith('__')) return 1;
    const def = parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
    if (!def) return 0;
    const key = `${parent.name}.${name}`;
    const named = getNamedType(def.type);
    const weight =
      directives.fieldWeights.get(key) ?? directives.typeWeights.get(named.name) ?? (isCompositeType(named) ? 1 : 0);
    const listSize = directives.listSizes.get(key);
    const args = listSize?.slicingArguments?.length ? getArgumentValues(def, node, variables) : {};
    const sliced = listSize?.slicingArguments?.map((a) => args[a]).filter((v): v is number => typeof v === 'number');
    const n = sliced?.length ? Math.max(...sliced) : (listSize?.assumedSize ?? sizeFromParent ?? UNSIZED_LIST);
    if (listSize?.sizedFields?.length) {
      const children = node.selectionSet
        ? selectionCost(node.selectionSet, named, { names: listSize.sizedFields, n })
        : 0;
      return weight + children;
    }
    const children = node.selectionSet ? selectionCost(node.selectionSet, named) : 0;
    return isListType(getNullableType(def.type)) ? n * (weight + children) : weight + children;
  }

  return selectionCost(operation.selectionSet, root);
}
