/**
 * A simulated Decidim installation (one organization) serving the GraphQL API of docs/upstreams/decidim.md: `POST /api`
 * (§1.1), the schema of the chosen version (§3, §7), graphql-ruby's validation messages (§8 note 2), the
 * query limits (§1.3), the rate limit of 100 requests per minute per IP (§1.3, Rack::Attack → 429), and
 * HTTP 500 `{"errors":[{"message":"Internal Server error"}],"data":{}}` for unexpected exceptions (§1.1).
 */
import { buildSchema, execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { startSimServer, type SimRequest, type SimResponse, type SimServer } from '../simServer';
import { buildDecidimSeed } from './buildDecidimSeed';
import { checkQueryLimits } from './checkQueryLimits';
import { createRootValue } from './createRootValue';
import { decidimSdl } from './decidimSdl';
import { rubyValidationError } from './rubyValidationError';
import type { DecidimSeed } from './seedTypes';
import { atLeast, type DecidimVersion } from './version';
import { InvariantError } from '../../../services/core/errors';

export interface DecidimSimulatorOptions {
  /** Default `0.31`. */
  version?: DecidimVersion;
  /** Municipality whose invented seed is served when `seed` is not given; default GM0599 (Rotterdam). */
  municipality?: 'GM0599' | 'GM0344';
  /** The seed, or a builder given the simulator's base URL (used in content and 0.31 `url` fields). */
  seed?: DecidimSeed | ((baseUrl: string) => DecidimSeed);
  /** Requests per minute per client before 429; default 100 (docs/upstreams/decidim.md §1.3). */
  rateLimitPerMinute?: number;
  /** The 0.30.5 / 0.31.1 backports (aliases, recursion, introspection; §1.3). Default true on 0.30+. */
  securityPatches?: boolean;
  /** Root `assemblies` lists child assemblies too (default true, as `public_spaces` does). */
  childAssembliesAtRoot?: boolean;
  port?: number;
  /** False: no socket, reached through `fetch` only (simServer.ts). Default true. */
  listen?: boolean;
}

export interface DecidimSimulator extends SimServer {
  version: DecidimVersion;
  /** The seed served; mutate it (or replace it with setSeed) to change what the next request sees. */
  seed: DecidimSeed;
  setSeed(seed: DecidimSeed): void;
}

const INTERNAL_ERROR: SimResponse = { status: 500, json: { errors: [{ message: 'Internal Server error' }], data: {} } };

/** Starts a simulated Decidim on 127.0.0.1 (a free port unless `port` is given). */
export async function startDecidimSimulator(options: DecidimSimulatorOptions = {}): Promise<DecidimSimulator> {
  const version = options.version ?? '0.31';
  const security = options.securityPatches ?? atLeast(version, '0.30');
  const schemas = new Map<boolean, GraphQLSchema>();
  const schemaFor = (drift: boolean) => {
    let s = schemas.get(drift);
    if (!s) {
      s = buildSchema(decidimSdl(version, drift));
      schemas.set(drift, s);
    }
    return s;
  };
  let seed: DecidimSeed | null = null;
  let baseUrl = '';

  const handler = (req: SimRequest): SimResponse => {
    if (req.path !== '/api' && req.path !== '/api/')
      return { status: 404, text: '<html><body><h1>404</h1></body></html>', headers: { 'content-type': 'text/html' } };
    if (req.method === 'GET') return { status: 302, text: '', headers: { location: '/api/docs' } }; // §1.1
    if (req.method !== 'POST') return { status: 404, text: '', headers: { 'content-type': 'text/html' } };
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as {
      query?: unknown;
      variables?: unknown;
      operationName?: unknown;
    };
    let variables: Record<string, unknown>;
    try {
      // §1.1: variables as an object or a JSON string; an unreadable string raises in the controller → 500.
      const raw =
        typeof body.variables === 'string'
          ? body.variables.trim() === ''
            ? {}
            : JSON.parse(body.variables)
          : (body.variables ?? {});
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TypeError('Unexpected parameter');
      variables = raw as Record<string, unknown>;
    } catch {
      return INTERNAL_ERROR;
    }
    if (typeof body.query !== 'string' || body.query.trim() === '')
      return { status: 200, json: { errors: [{ message: 'No query string was present' }] } };
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (e) {
      const err = e as GraphQLError;
      return {
        status: 200,
        json: {
          errors: [{ message: `Parse error: ${err.message.replace(/^Syntax Error: /, '')}`, locations: err.locations }],
        },
      };
    }
    const schema = schemaFor(req.fault?.kind === 'drift');
    // graphql-ruby validates first and answers errors without `data` (§8 note 2).
    const invalid = validate(schema, document);
    if (invalid.length) return { status: 200, json: { errors: invalid.map(rubyValidationError) } };
    const limits = checkQueryLimits(document, variables, security);
    if (limits.length) return { status: 200, json: { errors: limits } };
    const result = execute({
      schema,
      document,
      variableValues: variables,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
      rootValue: createRootValue(seed!, {
        version,
        baseUrl,
        loop: req.fault?.kind === 'paginationLoop',
        childAssembliesAtRoot: options.childAssembliesAtRoot ?? true,
      }),
    });
    if (result instanceof Promise) throw new InvariantError('the simulated resolvers are synchronous');
    // A resolver that raised something other than a GraphQL error is an unexpected exception (§1.1).
    if (
      result.errors?.some(
        (e) => e.originalError && !(e.originalError instanceof GraphQLError) && !/non-nullable field/.test(e.message),
      )
    )
      return INTERNAL_ERROR;
    // graphql-ruby words the non-null violation without the final full stop (docs/upstreams/decidim.md §8 note 6).
    const errors = result.errors?.map((e) => ({
      message: e.message.replace(/\.$/, ''),
      locations: e.locations,
      path: e.path,
    }));
    return { status: 200, json: { ...(errors && { errors }), data: result.data ?? null } };
  };

  const server = await startSimServer(handler, {
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100,
    port: options.port,
    listen: options.listen,
  });
  baseUrl = server.url;
  const given = options.seed ?? ((url: string) => buildDecidimSeed(options.municipality ?? 'GM0599', url));
  seed = typeof given === 'function' ? given(baseUrl) : given;
  return {
    url: server.url,
    port: server.port,
    fetch: server.fetch,
    requests: server.requests,
    setFault: server.setFault,
    close: server.close,
    version,
    get seed() {
      return seed!;
    },
    set seed(s: DecidimSeed) {
      seed = s;
    },
    setSeed(s: DecidimSeed) {
      seed = s;
    },
  };
}
