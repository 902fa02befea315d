/**
 * A subgraph's answer, checked against the schema before the query planner merges it. @apollo/gateway
 * trusts its subgraphs: a non-list where a list belongs fails its result shaping (the whole answer is
 * lost), and a value of the wrong type becomes null with the reason only in `extensions.valueCompletion`.
 * Here each value that does not fit its field (a string for an Int, an object for a String, null for a
 * non-null field, a field left out) is taken out of the answer and reported as SUBGRAPH_BAD_RESPONSE at
 * its path, with the subgraph's name; the gateway then nulls it like any failed field, and the rest of the
 * answer survives. An answer whose `data` (or `_entities`) has the wrong shape altogether is a failed call.
 *
 * HTTP subgraphs only (ours when deployed apart, and partners'): an in-process subgraph's answer comes
 * from graphql-js executing the subgraph's own schema, which already guarantees every type checked here.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  buildSchema,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLFormattedError,
  type GraphQLLeafType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import { countSubgraphFailure } from './outageMetric';
import { failedCall, SubgraphError } from './subgraphCalls';

/** A subgraph answered something its schema does not allow. */
export class SubgraphBadResponseError extends SubgraphError {
  readonly code = 'SUBGRAPH_BAD_RESPONSE';
}

/** The custom scalars of the supergraph, checked as the subgraphs define them; others are accepted as sent. */
const SCALARS: Record<string, GraphQLLeafType> = { DateTime: DateTimeResolver, SafeInt: SafeIntResolver };

/** At most this many errors stand for one answer's bad values; the last one counts the rest. */
const MAX_ERRORS = 20;

type Path = (string | number)[];

/** The schema the answers are checked against: the supergraph's, which holds every subgraph's fields. */
export function answerSchema(supergraphSdl: string): GraphQLSchema {
  return buildSchema(supergraphSdl, { assumeValidSDL: true });
}

/** `source` with each answer checked against `schema` (see the module's comment). */
export function checkingAnswers(subgraph: string, source: GraphQLDataSource, schema: GraphQLSchema): GraphQLDataSource {
  return {
    async process(options) {
      const response = await source.process(options);
      try {
        return checkAnswer(response, options, schema, subgraph);
      } catch (e) {
        return failedCall(e, options);
      }
    },
  };
}

/**
 * `response` with the values that do not fit the fetch's selection taken out and an error for each at
 * its path. Throws SubgraphBadResponseError when `data` or `_entities` is not what the fetch asked for.
 */
export function checkAnswer(
  response: GatewayGraphQLResponse,
  options: GraphQLDataSourceProcessOptions,
  schema: GraphQLSchema,
  subgraph: string,
): GatewayGraphQLResponse {
  const data: unknown = response.data;
  if (data === undefined || (data === null && response.errors?.length)) return response;
  const bad = (what: string) =>
    new SubgraphBadResponseError(subgraph, `The ${subgraph} subgraph answered ${what}, not the data asked for.`);
  if (!isPlainObject(data)) throw bad(`${describe(data)} as its data`);
  const document = 'document' in options && options.document ? options.document : parse(options.request.query ?? '');
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const rootType = operation && schema.getRootType(operation.operation);
  if (!operation || !rootType) return response;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const errors: GraphQLFormattedError[] = [];
  let more = 0;
  const report = (path: Path, message: string) => {
    if (errors.length < MAX_ERRORS - 1) {
      errors.push({ message, path: [...path], extensions: { code: 'SUBGRAPH_BAD_RESPONSE', serviceName: subgraph } });
    } else more++;
  };
  const checker = new Checker(schema, fragments, subgraph, report);

  const representations = options.request.variables?.representations;
  const entitiesField = operation.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities',
  );
  if (entitiesField && Array.isArray(representations)) {
    const entities = data[entitiesField.alias?.value ?? '_entities'];
    if (!Array.isArray(entities)) throw bad(`${describe(entities)} for _entities`);
    if (entities.length !== representations.length) {
      throw bad(`${entities.length} entities for the ${representations.length} asked for`);
    }
    entities.forEach((entity, i) => {
      if (entity === null) return;
      const typename = (representations[i] as { __typename?: unknown } | null)?.__typename;
      const type = typeof typename === 'string' ? schema.getType(typename) : undefined;
      if (!isCompositeType(type) || !entitiesField.selectionSet) return;
      if (!checker.object(entity, type, entitiesField.selectionSet, ['_entities', i])) {
        report(['_entities', i], `The ${subgraph} subgraph answered ${describe(entity)} for a ${type.name}.`);
        entities[i] = null;
      }
    });
  } else {
    checker.fields(data, rootType, operation.selectionSet, []);
  }
  if (more) {
    errors.push({
      message: `The ${subgraph} subgraph answered ${more} more values that do not fit the schema.`,
      extensions: { code: 'SUBGRAPH_BAD_RESPONSE', serviceName: subgraph },
    });
  }
  if (!errors.length) return response;
  countSubgraphFailure(subgraph, 'SUBGRAPH_BAD_RESPONSE');
  return { ...response, errors: [...(response.errors ?? []), ...errors] };
}

class Checker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly subgraph: string,
    private readonly report: (path: Path, message: string) => void,
  ) {}

  /** Checks the fields `set` selects on `object`; takes out each bad one. */
  fields(object: Record<string, unknown>, type: GraphQLCompositeType, set: SelectionSetNode, path: Path): void {
    const named = typeof object.__typename === 'string' ? this.schema.getType(object.__typename) : undefined;
    const concrete: GraphQLCompositeType = isObjectType(named) ? named : type;
    for (const field of this.selected(set, concrete)) {
      const key = field.alias?.value ?? field.name.value;
      if (field.name.value.startsWith('__')) continue;
      const definition = isUnionType(concrete) ? undefined : concrete.getFields()[field.name.value];
      if (!definition) continue;
      const at = [...path, key];
      const where = `${concrete.name}.${field.name.value}`;
      if (!(key in object)) {
        // @skip and @include may leave a field out.
        if (!field.directives?.length) this.report(at, `The ${this.subgraph} subgraph answered nothing for ${where}.`);
        continue;
      }
      if (!this.value(object[key], definition.type, field.selectionSet, at, where)) delete object[key];
    }
  }

  /** Whether `value` fits `type`; reports where it does not (and takes out what is bad inside it). */
  value(
    value: unknown,
    type: GraphQLOutputType,
    set: SelectionSetNode | undefined,
    path: Path,
    where: string,
  ): boolean {
    const wrong = () => {
      this.report(path, `The ${this.subgraph} subgraph answered ${describe(value)} for ${where}, which is ${type}.`);
      return false;
    };
    if (value === null) return isNonNullType(type) ? wrong() : true;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      if (!Array.isArray(value)) return wrong();
      // A bad item is reported at its index and answered as null; the gateway nulls the list when its
      // items are non-null, like any failed item.
      value.forEach((item, i) => {
        if (!this.value(item, inner.ofType, set, [...path, i], where)) value[i] = null;
      });
      return true;
    }
    if (isLeafType(inner)) return fitsLeaf(value, SCALARS[inner.name] ?? inner) ? true : wrong();
    if (!isPlainObject(value) || !set) return wrong();
    return this.object(value, inner, set, path) || wrong();
  }

  /** Whether `value` is an object of `type` (or of one of its possible types); checks its fields. */
  object(value: unknown, type: GraphQLCompositeType, set: SelectionSetNode, path: Path): boolean {
    if (!isPlainObject(value)) return false;
    const typename = value.__typename;
    if (typename !== undefined) {
      const named = typeof typename === 'string' ? this.schema.getType(typename) : undefined;
      const fits =
        isObjectType(named) && (named === type || (isAbstractType(type) && this.schema.isSubType(type, named)));
      if (!fits) return false;
    }
    this.fields(value, type, set, path);
    return true;
  }

  /** The fields `set` selects on an object of `type`, through the fragments that apply to it. */
  private selected(set: SelectionSetNode, type: GraphQLCompositeType): FieldNode[] {
    return set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return [s];
      const fragment = s.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(s.name.value) : s;
      if (!fragment) return [];
      const condition = fragment.typeCondition && this.schema.getType(fragment.typeCondition.name.value);
      const applies =
        !condition ||
        condition === type ||
        (isAbstractType(condition) && isObjectType(type) && this.schema.isSubType(condition, type));
      return applies ? this.selected(fragment.selectionSet, type) : [];
    });
  }
}

/** Whether a leaf value parses as its type would parse it from a client: the types' own rules. */
function fitsLeaf(value: unknown, type: GraphQLLeafType): boolean {
  try {
    const parsed = type.parseValue(value);
    return parsed !== undefined && !(typeof parsed === 'number' && Number.isNaN(parsed));
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What kind of value it is, never the value itself (it may be huge or hostile). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}
