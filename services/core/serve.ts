/**
 * Serving a subgraph on its own: as an HTTP server (the HTTP topology, and third parties' gateways) or
 * as a Lambda handler (API Gateway HTTP API v2 events). Both use the same Apollo Server factory.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { parseConfig } from './config';
import { createDynamo } from './dynamo/client';
import { configureCursors } from './cursor';
import { serveHttp, type RunningHttp } from './http';
import { lambdaGuard } from './lambdaGuard';
import { subgraphTypeDefs } from './schema';
import { formatSubgraphError, type Subgraph, type SubgraphDefinition, type SubgraphOwnConfig } from './subgraph';
import { type SubgraphConfig, subgraphConfigSchemaFor } from './subgraphConfig';

export function createSubgraphServer<C extends object>(subgraph: Subgraph<C>): ApolloServer<C> {
  return new ApolloServer<C>({
    schema: subgraph.schema,
    formatError: formatSubgraphError,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    // Inline traces are for Apollo's hosted studio, which Inspraak does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}

/** Serves the subgraph at http://host:port/graphql (port 0 picks a free one). */
export function serveSubgraph<C extends object>(subgraph: Subgraph<C>, port: number, host = '127.0.0.1') {
  return serveHttp(createSubgraphServer(subgraph), { port, host, context: async () => subgraph.createContext() });
}

/** A Lambda handler for API Gateway HTTP API (payload v2) events. */
export function subgraphLambdaHandler<C extends object>(subgraph: Subgraph<C>) {
  const graphql = startServerAndCreateLambdaHandler(
    createSubgraphServer(subgraph),
    handlers.createAPIGatewayProxyEventV2RequestHandler(),
    {
      context: async () => subgraph.createContext(),
    },
  );
  return (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
    lambdaGuard(event, () => graphql(event, context, () => undefined) as Promise<APIGatewayProxyStructuredResultV2>);
}

type Env = Record<string, string | undefined>;

/**
 * Builds a registered subgraph as its own process does: parses its configuration from `env` (the common
 * settings plus its `configShape`; a bad value throws ConfigError naming the variable), connects to the
 * table and reads its SDL.
 */
export function buildRegisteredSubgraph<S extends z.ZodRawShape>(definition: SubgraphDefinition<string, S>, env: Env) {
  // The merged schema's type is beyond TypeScript for a generic shape; it is the two parts together.
  const config = parseConfig(subgraphConfigSchemaFor(definition), env) as unknown as SubgraphConfig &
    SubgraphOwnConfig<S>;
  configureCursors(config.INSPRAAK_CURSOR_SECRET);
  const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const typeDefs = subgraphTypeDefs(definition.name, config.INSPRAAK_SCHEMA_DIR);
  const subgraph = definition.create(
    { db: { doc, table: config.INSPRAAK_TABLE }, typeDefs, region: config.AWS_REGION },
    config,
  );
  return { config, subgraph };
}

/**
 * Serves a registered subgraph on its own (the HTTP topology): `npm run subgraph -- <name>`. Runs its
 * `start` hook first (e.g. search loads its index), and stops that work again on `close`.
 */
export async function startSubgraphServer<S extends z.ZodRawShape>(
  definition: SubgraphDefinition<string, S>,
  env: Env = process.env,
): Promise<RunningHttp> {
  const { config, subgraph } = buildRegisteredSubgraph(definition, env);
  const stop = (await subgraph.start?.()) ?? (() => undefined);
  try {
    const running = await serveSubgraph(subgraph, config.PORT, config.HOST);
    return {
      ...running,
      close: async () => {
        stop();
        await running.close();
      },
    };
  } catch (e) {
    stop();
    throw e;
  }
}

/** A registered subgraph as a Lambda handler; configuration is read once, at cold start. */
export function registeredSubgraphLambda<S extends z.ZodRawShape>(
  definition: SubgraphDefinition<string, S>,
  env: Env = process.env,
) {
  return subgraphLambdaHandler(buildRegisteredSubgraph(definition, env).subgraph);
}
