/**
 * `GET|POST /graphql` of CONSUL's GraphqlController (docs/upstreams/consul.md §2): JSON body, `application/graphql` body
 * or query parameters; 400 for a missing query or bad variables JSON; validation, depth and complexity
 * errors as HTTP 200 `{"errors":[…]}`; a missing single record turns the whole answer into Rails' 404.
 */
import { buildSchema, execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SimRequest, SimResponse } from '../simServer';
import { consulSdl, type ConsulGeneration } from './consulSdl';
import { createRootValue, RecordNotFound } from './createRootValue';
import { checkQueryLimits } from './queryLimits';
import { notFoundPage } from './railsPages';
import type { ConsulSeed } from './seedTypes';

const schemas = new Map<string, GraphQLSchema>();

function schemaFor(generation: ConsulGeneration, drift: boolean): GraphQLSchema {
  const key = `${generation}:${drift}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildSchema(consulSdl(generation, { drift }));
    schemas.set(key, schema);
  }
  return schema;
}

interface GraphqlParams {
  query: string | undefined;
  variables: Record<string, unknown>;
  operationName: string | null;
}

function readParams(req: SimRequest): GraphqlParams | SimResponse {
  const bad = { status: 400, json: { message: 'Error parsing JSON' } };
  let query: unknown = req.query.get('query') ?? undefined;
  let variables: unknown = req.query.get('variables') ?? undefined;
  let operationName: unknown = req.query.get('operationName') ?? null;
  if (req.method === 'POST') {
    if (/application\/graphql/.test(req.headers['content-type'] ?? '')) {
      query = req.rawBody;
    } else if (req.body && typeof req.body === 'object') {
      const body = req.body as Record<string, unknown>;
      query = body.query ?? query;
      variables = body.variables ?? variables;
      operationName = body.operationName ?? operationName;
    }
  }
  if (typeof variables === 'string') {
    if (variables.trim() === '') variables = undefined;
    else {
      try {
        variables = JSON.parse(variables);
      } catch {
        return bad;
      }
    }
  }
  return {
    query: typeof query === 'string' && query.trim() !== '' ? query : undefined,
    variables: variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {},
    operationName: typeof operationName === 'string' ? operationName : null,
  };
}

/** graphql-ruby's wording for the most common validation error, so drift looks like the real thing. */
function rubyMessage(e: GraphQLError): string {
  const m = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(e.message);
  return m ? `Field '${m[1]}' doesn't exist on type '${m[2]}'` : e.message;
}

function errors(list: readonly GraphQLError[]): SimResponse {
  return {
    status: 200,
    json: { errors: list.map((e) => ({ message: rubyMessage(e), ...(e.locations && { locations: e.locations }) })) },
  };
}

const documents = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();

/** Parses and validates, remembering valid documents per schema: a crawl sends the same query hundreds of times. */
function parseAndValidate(
  schema: GraphQLSchema,
  query: string,
): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  let cache = documents.get(schema);
  if (!cache) {
    cache = new Map();
    documents.set(schema, cache);
  }
  const known = cache.get(query);
  if (known) return { document: known };
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (e) {
    return { errors: [e as GraphQLError] };
  }
  const invalid = validate(schema, document);
  if (invalid.length) return { errors: invalid };
  if (cache.size > 200) cache.clear();
  cache.set(query, document);
  return { document };
}

/** Answers one /graphql request. */
export async function graphqlEndpoint(
  req: SimRequest,
  seed: ConsulSeed,
  generation: ConsulGeneration,
): Promise<SimResponse> {
  const params = readParams(req);
  if ('status' in params) return params;
  if (!params.query) return { status: 400, json: { message: 'Query string not present' } };
  const schema = schemaFor(generation, req.fault?.kind === 'drift');
  const checked = parseAndValidate(schema, params.query);
  if ('errors' in checked) return errors(checked.errors);
  const { document } = checked;
  // 1.5.0 – 2.2.0 had no limits at all (docs/upstreams/consul.md §1).
  if (generation === '2.4.1') {
    const limit = checkQueryLimits(schema, document, params.variables, params.operationName);
    if (limit) return { status: 200, json: { errors: [{ message: limit }] } };
  }
  const requested = req.query.get('locale') ?? '';
  const locale = seed.locales.includes(requested) ? requested : (seed.locales[0] ?? 'nl');
  const result = await execute({
    schema,
    document,
    rootValue: createRootValue(seed, { generation, locale, loop: req.fault?.kind === 'paginationLoop' }),
    variableValues: params.variables,
    operationName: params.operationName,
  });
  if (result.errors?.some((e) => e.originalError instanceof RecordNotFound)) return notFoundPage();
  return {
    status: 200,
    json: result.errors
      ? { data: result.data ?? null, errors: result.errors.map((e) => ({ message: e.message, path: e.path })) }
      : { data: result.data },
  };
}
