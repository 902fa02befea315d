/**
 * The gateway factory: one Apollo Server over @apollo/gateway with a static supergraph and pluggable
 * data sources. server.ts (local) and lambda.ts (AWS) both call `createGatewayServer`.
 */
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableAccess } from '../core/dynamo/loader';
import type { SubgraphName } from '../core/schema';
import { createBudgetsSubgraph } from '../budgets/subgraph';
import { createMunicipalitiesSubgraph } from '../municipalities/subgraph';
import { createProposalsSubgraph } from '../proposals/subgraph';
import { createSearchSubgraph, searchIndexOver } from '../search/subgraph';
import type { GatewayConfig } from './config';
import { HttpDataSource, InProcessDataSource } from './dataSources';
import { CLIENT_CODES, formatGatewayError } from './errors';
import { requestChecksPlugin } from './requestChecks';
import { lambdaUrlSigner, type SignRequest } from './signing';
import { armor, costRule, MAX_TOKENS, pageSizePlugin, pageSizeRule } from './limits';
import { requestLogPlugin } from './requestLog';

/** The committed supergraph, written by `npm run compose`. */
export function supergraphSdl(): string {
  return readFileSync(process.env.INSPRAAK_SUPERGRAPH ?? join(__dirname, 'supergraph.graphql'), 'utf8');
}

/**
 * Data sources for our subgraphs: HTTP for those named in `urls`, in-process over `db` for the rest.
 * Third parties' subgraphs need a supergraph that includes them, composed the same way.
 */
export function dataSources(
  db: TableAccess,
  config: Pick<GatewayConfig, 'INSPRAAK_SUBGRAPH_TIMEOUT_MS' | 'INSPRAAK_SUBGRAPH_URLS' | 'AWS_REGION'> &
    Partial<Pick<GatewayConfig, 'INSPRAAK_SUBGRAPH_AUTH' | 'INSPRAAK_CHANGES_SETTLE_MS'>>,
  sign: SignRequest | undefined = config.INSPRAAK_SUBGRAPH_AUTH === 'aws-iam'
    ? lambdaUrlSigner(config.AWS_REGION)
    : undefined,
): Record<string, GraphQLDataSource> {
  const timeout = config.INSPRAAK_SUBGRAPH_TIMEOUT_MS;
  const urls: Partial<Record<SubgraphName, string>> = config.INSPRAAK_SUBGRAPH_URLS ?? {};
  const local = {
    municipalities: () =>
      new InProcessDataSource(
        createMunicipalitiesSubgraph(db, { changesSettleMs: config.INSPRAAK_CHANGES_SETTLE_MS }),
        timeout,
      ),
    proposals: () => new InProcessDataSource(createProposalsSubgraph(db), timeout),
    budgets: () => new InProcessDataSource(createBudgetsSubgraph(db), timeout),
    // One search index per gateway process, loaded on first use and refreshed on requests.
    search: () => new InProcessDataSource(createSearchSubgraph(searchIndexOver(db)), timeout),
  } satisfies Record<SubgraphName, () => GraphQLDataSource>;
  return Object.fromEntries(
    Object.entries(local).map(([name, make]) => {
      const url = urls[name as SubgraphName];
      return [name, url ? new HttpDataSource(name, url, timeout, sign) : make()];
    }),
  );
}

export interface GatewayDeps {
  supergraphSdl: string;
  dataSources: Record<string, GraphQLDataSource>;
}

export function createGatewayServer(deps: GatewayDeps): ApolloServer {
  // @apollo/gateway sends anonymous usage telemetry unless this is set when it is constructed; Inspraak
  // sends none unless an operator explicitly sets the variable to something else.
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name }) => {
      const ds = deps.dataSources[name];
      if (!ds) throw new Error(`The supergraph names a subgraph "${name}" that has no data source.`);
      return ds;
    },
  });
  const protection = armor();
  return new ApolloServer({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    allowBatchedHttpRequests: false,
    // The process that owns the server (dev/start.ts, Lambda) decides when to stop it.
    stopOnTerminationSignals: false,
    validationRules: [pageSizeRule, costRule, ...protection.validationRules],
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      requestChecksPlugin(CLIENT_CODES),
      requestLogPlugin(),
      ...protection.plugins,
      pageSizePlugin(),
      ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
}
