/**
 * Client mistakes caught at the gateway, before any subgraph is called, and answered with HTTP 400 and a
 * code. Without these, the query planner meets them first and throws, which Apollo answers with a 500
 * and our alarms count as our failure: several operations without `operationName`, a mutation or
 * subscription (Inspraak is read-only), a Float literal beyond IEEE 754 (`1e309`), a malformed scalar
 * (`createdAfter: "x"`), and over-long ids that DynamoDB would refuse (keys are capped at 2 KB).
 */
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { catalogued, type ErrorCode } from '../core/errors';
import {
  buildSchema,
  GraphQLError,
  type GraphQLScalarType,
  type GraphQLSchema,
  getNamedType,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  printSchema,
  TypeInfo,
  ValuesOfCorrectTypeRule,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
} from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import { type CostDirectives, estimateCost } from './cost';
import { cursorErrors } from './cursorChecks';

/** Longest id accepted: source ids are ≤ 63 characters, upstream ids ≤ 200 (services/core/ids.ts). */
export const MAX_ID_LENGTH = 300;
/** Longest string accepted anywhere in a request (search text, codes, cursors: cursors are ≤ 2,048). */
export const MAX_STRING_LENGTH = 2048;

/** The custom scalars of the supergraph, with the implementations the subgraphs use. */
const SCALARS: Record<string, GraphQLScalarType> = { DateTime: DateTimeResolver, SafeInt: SafeIntResolver };

function badRequest(message: string, code: ErrorCode = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: catalogued(code).status } } });
}

const checkingSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

/**
 * The gateway's API schema declares custom scalars without their parsing, so it accepts any literal;
 * this private copy carries the subgraphs' own implementations, to check values as a subgraph would.
 */
function checkingSchema(api: GraphQLSchema): GraphQLSchema {
  let schema = checkingSchemas.get(api);
  if (!schema) {
    schema = buildSchema(printSchema(api));
    for (const [name, impl] of Object.entries(SCALARS)) {
      const type = schema.getType(name) as GraphQLScalarType | undefined;
      if (type) Object.assign(type, { parseValue: impl.parseValue, parseLiteral: impl.parseLiteral });
    }
    checkingSchemas.set(api, schema);
  }
  return schema;
}

/** The operation to run, or a 400 that says why there is none. */
function chosenOperation(document: DocumentNode, operationName: string | undefined | null): OperationDefinitionNode {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) {
    const op = ops.find((o) => o.name?.value === operationName);
    if (!op) throw badRequest(`Unknown operation named "${operationName}".`, 'OPERATION_RESOLUTION_FAILURE');
    return op;
  }
  if (ops.length !== 1) {
    throw badRequest(
      'The document holds several operations: say which one to run with `operationName`.',
      'OPERATION_RESOLUTION_FAILURE',
    );
  }
  return ops[0]!;
}

/** Literal values: floats must be finite, strings within their caps. */
function literalErrors(schema: GraphQLSchema, document: DocumentNode): string[] {
  const errors: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      FloatValue(node) {
        if (!Number.isFinite(Number(node.value))) errors.push(`${node.value} is not a finite number.`);
      },
      StringValue(node) {
        const type = typeInfo.getInputType();
        const named = type ? getNamedType(type).name : undefined;
        const cap = named === 'ID' ? MAX_ID_LENGTH : MAX_STRING_LENGTH;
        if (node.value.length > cap) {
          errors.push(`${named ?? 'String'} values are at most ${cap} characters; got ${node.value.length}.`);
        }
      },
    }),
  );
  return errors;
}

const checkedDocuments = new WeakMap<DocumentNode, { schema: GraphQLSchema; errors: string[] }>();

/**
 * What is wrong with the document's literals (literalErrors, and their types as a subgraph would parse
 * them). It depends on the document alone, and Apollo hands every request with the same text the same
 * parsed and validated document from its store, so each document is checked once, not per request.
 */
function documentErrors(schema: GraphQLSchema, document: DocumentNode): string[] {
  const held = checkedDocuments.get(document);
  if (held?.schema === schema) return held.errors;
  const errors = [
    ...literalErrors(schema, document),
    ...validate(schema, document, [ValuesOfCorrectTypeRule], { maxErrors: 5 }).map((e) => e.message),
  ];
  checkedDocuments.set(document, { schema, errors });
  return errors;
}

/** Variable values: strings within their caps (ids by their declared type, everything else generously). */
function variableErrors(operation: OperationDefinitionNode, variables: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    let typeNode = def.type;
    while (typeNode.kind !== Kind.NAMED_TYPE) typeNode = typeNode.type;
    const cap = typeNode.name.value === 'ID' ? MAX_ID_LENGTH : MAX_STRING_LENGTH;
    const long = (v: unknown): boolean =>
      typeof v === 'string'
        ? v.length > cap
        : Array.isArray(v)
          ? v.some(long)
          : v !== null && typeof v === 'object' && Object.values(v).some(long);
    if (long(variables[name])) errors.push(`Variable "$${name}" holds a string longer than ${cap} characters.`);
  }
  return errors;
}

/** How many errors a refused request shows; the rest are summed up in one more (graphql-cop's directive overloading). */
export const MAX_REQUEST_ERRORS = 5;

/** A refused request (no `data`) lists its first errors and counts the rest, so its size stays bounded. */
function capErrors(body: GraphQLResponse['body']): void {
  if (body.kind !== 'single') return;
  const { data, errors } = body.singleResult;
  if (data !== undefined || !errors || errors.length <= MAX_REQUEST_ERRORS) return;
  body.singleResult.errors = [
    ...errors.slice(0, MAX_REQUEST_ERRORS - 1),
    {
      message: `${errors.length - MAX_REQUEST_ERRORS + 1} more errors like these are left out.`,
      extensions: { code: errors[MAX_REQUEST_ERRORS - 1]?.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED' },
    },
  ];
}

export interface RequestChecks {
  /** Codes that mean the client erred; a 500 carrying only these becomes a 400. */
  clientCodes: ReadonlySet<string>;
  /** The supergraph's cost directives (cost.ts). */
  costs: CostDirectives;
  /** The most a request may cost, in estimated objects (limits.ts says why). */
  maxCost: number;
  /** "Type.field" of our subgraphs' fields that take a cursor (cursorChecks.ts), built on first use. */
  cursorFields?: () => ReadonlySet<string>;
}

/**
 * Rejects client mistakes with 400 before execution (see the module comment) and requests whose
 * estimated cost passes `maxCost` with 400 COST_LIMIT_EXCEEDED; reports the estimate in every answer's
 * `extensions.cost`; and turns any 500 whose errors are all client mistakes into a 400, so that a
 * mistake these checks do not know yet never counts as ours.
 */
export function requestChecksPlugin({ clientCodes, costs, maxCost, cursorFields }: RequestChecks): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let estimated: number | undefined;
      return {
        async didResolveOperation({ document, request, schema }) {
          const operation = chosenOperation(document, request.operationName);
          if (operation.operation !== 'query') {
            throw badRequest(
              `Inspraak's API is read-only: it has queries only, no ${operation.operation}s.`,
              'OPERATION_NOT_SUPPORTED',
            );
          }
          const checking = checkingSchema(schema);
          const literal = documentErrors(checking, document);
          if (literal.length) throw badRequest(literal.slice(0, 5).join(' '));
          const variables = request.variables ?? {};
          const long = variableErrors(operation, variables);
          if (long.length) throw badRequest(long.slice(0, 5).join(' '));
          const coerced = getVariableValues(checking, operation.variableDefinitions ?? [], variables, { maxErrors: 5 });
          if (coerced.errors) throw badRequest(coerced.errors.map((e) => e.message).join(' '));
          const cursors = cursorFields ? cursorErrors(checking, document, coerced.coerced, cursorFields()) : [];
          if (cursors.length) throw badRequest(cursors.join(' '));
          estimated = estimateCost(checking, costs, document, operation, coerced.coerced);
          if (estimated > maxCost) {
            throw new GraphQLError(
              `This query could return about ${estimated} objects; the limit is ${maxCost}. Ask for smaller pages (\`first\`), fewer nested lists or fewer aliases, and page with \`after\`.`,
              {
                extensions: {
                  code: 'COST_LIMIT_EXCEEDED',
                  cost: { estimated, limit: maxCost },
                  http: { status: catalogued('COST_LIMIT_EXCEEDED').status },
                },
              },
            );
          }
        },
        async willSendResponse({ response }) {
          capErrors(response.body);
          if (estimated !== undefined && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost: { estimated, limit: maxCost } };
          }
          if ((response.http.status ?? 200) < 500 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (
            data === undefined &&
            errors?.length &&
            errors.every((e) => clientCodes.has(String(e.extensions?.code)))
          ) {
            response.http.status = 400;
          }
        },
      };
    },
  };
}
