/**
 * Serving a subgraph on its own: as an HTTP server (the HTTP topology, and third parties' gateways) or
 * as a Lambda handler (API Gateway HTTP API v2 events). Both use the same Apollo Server factory.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { serveHttp } from './http';
import { lambdaGuard } from './lambdaGuard';
import { formatSubgraphError, type Subgraph } from './subgraph';

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
