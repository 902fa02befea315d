/**
 * The gateway factory: one Apollo Server over @apollo/gateway with a static supergraph and pluggable
 * data sources. server.ts (local) and lambda.ts (AWS) both call `createGatewayServer`.
 */
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { join } from 'node:path';
import type { TableAccess } from '../core/dynamo/loader';
import { subgraphTypeDefs } from '../core/schema';
import type { GatewayConfig } from './config';
import { answerSchema, checkingAnswers } from './answerCheck';
import { HttpDataSource, InProcessDataSource } from './dataSources';
import { formatGatewayError } from './errors';
import { requestChecksPlugin } from './requestChecks';
import type { CallLimits } from './subgraphCalls';
import { lambdaUrlSigner, type SignRequest } from './signing';
import { armor, fieldRepeatsRule, MAX_COST, MAX_TOKENS, pageSizePlugin, pageSizeRule } from './limits';
import { costDirectives } from './cost';
import { requestLogPlugin } from './requestLog';
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from './subgraphs';
import { ResponseCache, responseCachePlugin } from './responseCache';
import { FetchCache } from './fetchCache';
import { DataVersionClock, readDataVersion } from '../core/dynamo/dataVersion';
import { log } from '../core/log';
import { CLIENT_CODES, ConfigError } from '../core/errors';
import { configureCursors } from '../core/cursor';
import { type TrustedDocuments, trustedDocumentsPlugin } from './trustedDocuments';
import { ownCursorFields } from './cursorChecks';

/** The committed supergraph, written by `npm run compose` (or the copy at `path`, in a bundle). */
export function supergraphSdl(path: string = join(__dirname, 'supergraph.graphql')): string {
  return readFileSync(path, 'utf8');
}

/** The config the data sources read: the subgraph calls' settings and every registered subgraph's own. */
export type DataSourcesConfig = Omit<GatewayConfig, 'PORT' | 'HOST' | 'INSPRAAK_SUPERGRAPH'>;

/** The subgraphs that run in the gateway's process under `config`: those without a URL. */
export function inProcessSubgraphs(config: Pick<GatewayConfig, 'INSPRAAK_SUBGRAPH_URLS'>): SubgraphName[] {
  return SUBGRAPHS.map((s) => s.name).filter((name) => !config.INSPRAAK_SUBGRAPH_URLS?.[name]);
}

/**
 * Data sources for every registered subgraph (services/gateway/subgraphs.ts): HTTP for those named in
 * INSPRAAK_SUBGRAPH_URLS, in-process over `db` for the rest, each built by its registry entry with its
 * own settings from `config`. Third parties' subgraphs need a supergraph that includes them, composed the
 * same way.
 */
export function dataSources(
  db: TableAccess,
  config: DataSourcesConfig,
  sign: SignRequest | undefined = config.INSPRAAK_SUBGRAPH_AUTH === 'aws-iam'
    ? lambdaUrlSigner(config.AWS_REGION)
    : undefined,
): Record<string, GraphQLDataSource> {
  configureCursors(config.INSPRAAK_CURSOR_SECRET);
  const limits: CallLimits = {
    timeoutMs: config.INSPRAAK_SUBGRAPH_TIMEOUT_MS,
    requestDeadlineMs: config.INSPRAAK_REQUEST_DEADLINE_MS,
    maxResponseBytes: config.INSPRAAK_SUBGRAPH_MAX_BYTES,
  };
  return Object.fromEntries(
    SUBGRAPHS.map((definition): [string, GraphQLDataSource] => {
      const { name } = definition;
      const url = config.INSPRAAK_SUBGRAPH_URLS?.[name];
      if (url) return [name, new HttpDataSource(name, url, limits, sign)];
      const typeDefs = subgraphTypeDefs(name, config.INSPRAAK_SCHEMA_DIR);
      return [
        name,
        new InProcessDataSource(definition.create({ db, typeDefs, region: config.AWS_REGION }, config), limits),
      ];
    }),
  );
}

export interface GatewayDeps {
  supergraphSdl: string;
  dataSources: Record<string, GraphQLDataSource>;
  /** Timeout of each call to a partner's subgraph (INSPRAAK_SUBGRAPH_TIMEOUT_MS); default 5000 ms. */
  partnerTimeoutMs?: number;
  /** Answers our subgraphs' fetches from memory while the data version holds (createCaches). */
  fetchCache?: FetchCache;
  /** The trusted-documents manifest and mode (INSPRAAK_TRUSTED_DOCUMENTS); none: every query is open. */
  trustedDocuments?: TrustedDocuments | undefined;
}

export function createGatewayServer(deps: GatewayDeps): ApolloServer {
  // @apollo/gateway sends anonymous usage telemetry unless this is set when it is constructed; Inspraak
  // sends none unless an operator explicitly sets the variable to something else.
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  // Built only when some subgraph answers over HTTP (answerCheck.ts); in-process answers need no check.
  let schema: GraphQLSchema | undefined;
  const checked = (name: string, ds: GraphQLDataSource): GraphQLDataSource => {
    if (!(ds instanceof HttpDataSource)) return ds;
    schema ??= answerSchema(deps.supergraphSdl);
    return checkingAnswers(name, ds, schema);
  };
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    // Composition (`npm run compose`) has validated the supergraph and test/composition.test.ts validates the
    // committed one again; validating it and the four subgraphs extracted from it at every cold start cost
    // CPU for nothing (docs/operations.md, "Size and cold start"). Apollo's default outside NODE_ENV=production.
    validateSupergraph: false,
    buildService: ({ name, url }) => {
      const ds = deps.dataSources[name];
      // Search is left out: its index follows the change feed on its own clock, not the data version.
      if (ds)
        return deps.fetchCache && name !== 'search' ? deps.fetchCache.wrap(name, checked(name, ds)) : checked(name, ds);
      // A partner's subgraph (partners.json): served by its owner at the URL it was composed with.
      if (url && /^https?:\/\//.test(url))
        return checked(
          name,
          new HttpDataSource(name, url, {
            timeoutMs: deps.partnerTimeoutMs ?? 5000,
            // The config's defaults (config.ts); a partner's calls share the request's deadline all the same.
            requestDeadlineMs: 10_000,
            maxResponseBytes: 5 * 1024 * 1024,
          }),
        );
      throw new ConfigError(`The supergraph names a subgraph "${name}" that has no data source.`);
    },
  });
  const protection = armor();
  // Built on the first request that checks a cursor, not at cold start.
  let cursorFields: Set<string> | undefined;
  return new ApolloServer({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    allowBatchedHttpRequests: false,
    // CSRF prevention guards cookie- or session-authenticated APIs against requests a hostile page makes
    // with the visitor's credentials. Inspraak has none: no cookies, no sessions, no authentication, only
    // public read-only data (and no mutations). A forged request can do nothing a direct one cannot, so
    // the check would only refuse the plain GETs that HTTP caches and CDNs serve.
    csrfPrevention: false,
    // The process that owns the server (dev/start.ts, Lambda) decides when to stop it.
    stopOnTerminationSignals: false,
    validationRules: [pageSizeRule, fieldRepeatsRule, ...protection.validationRules],
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      // First: in `only` mode it decides what runs at all, before any other plugin reads the request.
      ...(deps.trustedDocuments ? [trustedDocumentsPlugin(deps.trustedDocuments)] : []),
      requestChecksPlugin({
        clientCodes: CLIENT_CODES,
        costs: costDirectives(deps.supergraphSdl),
        maxCost: MAX_COST,
        cursorFields: () => {
          cursorFields ??= ownCursorFields(deps.supergraphSdl, SUBGRAPH_NAMES);
          return cursorFields;
        },
      }),
      requestLogPlugin(),
      responseCachePlugin(),
      ...protection.plugins,
      pageSizePlugin(),
      // Browsers get our own explorer (services/gateway/explorer.ts), not Apollo's CDN-hosted Sandbox.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}

/**
 * The caches of a gateway over `db`, both keyed on the data version in the table (read at most every
 * `INSPRAAK_DATA_VERSION_HOLD_MS`, one read shared by both): the response cache of whole answers,
 * within `INSPRAAK_RESPONSE_CACHE_MB`, and the fetch cache of our subgraphs' fetches and entities,
 * within `INSPRAAK_FETCH_CACHE_MB` (absent at 0; a response cache at 0 stores nothing). Answers may be
 * kept by HTTP caches for 1/15 of the harvest interval (60 s at 15 min), and served stale while
 * revalidating for a third of it: they change at most once per harvest, and a revalidation is a 304.
 */
export function createCaches(
  db: TableAccess,
  config: Pick<
    GatewayConfig,
    | 'INSPRAAK_HARVEST_INTERVAL_MS'
    | 'INSPRAAK_RESPONSE_CACHE_MB'
    | 'INSPRAAK_FETCH_CACHE_MB'
    | 'INSPRAAK_DATA_VERSION_HOLD_MS'
    | 'INSPRAAK_DATA_SETTLE_MS'
  >,
): { responses: ResponseCache; fetches: FetchCache | undefined } {
  const clock = new DataVersionClock(
    () => readDataVersion(db),
    config.INSPRAAK_DATA_VERSION_HOLD_MS,
    Date.now,
    (e) => log.warn('data version unreadable; answering without the cache', { error: String(e) }),
  );
  const version = () => clock.current();
  const intervalSeconds = config.INSPRAAK_HARVEST_INTERVAL_MS / 1000;
  const responses = new ResponseCache(version, {
    maxBytes: config.INSPRAAK_RESPONSE_CACHE_MB * 1024 * 1024,
    maxAgeSeconds: Math.max(1, Math.round(intervalSeconds / 15)),
    staleWhileRevalidateSeconds: Math.max(1, Math.round(intervalSeconds / 3)),
    settleMs: config.INSPRAAK_DATA_SETTLE_MS,
  });
  const fetches = config.INSPRAAK_FETCH_CACHE_MB
    ? new FetchCache(version, {
        maxBytes: config.INSPRAAK_FETCH_CACHE_MB * 1024 * 1024,
        settleMs: config.INSPRAAK_DATA_SETTLE_MS,
      })
    : undefined;
  return { responses, fetches };
}
