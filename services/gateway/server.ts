/**
 * The gateway as a local HTTP server: composition root for the sandbox and for running the gateway on
 * a machine. Reads the environment once, builds the clients and stores, and serves.
 */
import { createDynamo } from '../core/dynamo/client';
import { serveHttp, type RunningHttp } from '../core/http';
import { gatewayConfig, type GatewayConfig } from './config';
import { createGatewayServer, createResponseCache, dataSources, supergraphSdl } from './gateway';
import type { ApolloServer } from '@apollo/server';
import type { ServerResponse } from 'node:http';
import { answerPlain } from './plainRoutes';
import { matchRoute } from './routes';

/** The plain-URL routes beside /graphql (routes.ts). */
export function exportRoutes(apollo: ApolloServer) {
  return async (method: string, path: string, res: ServerResponse) => {
    const match = matchRoute(method, path);
    if (match?.route.kind !== 'plain') return false;
    const out = await answerPlain(apollo, match);
    res.writeHead(out.status, out.headers).end(out.body);
    return true;
  };
}

export async function startGateway(config: GatewayConfig = gatewayConfig()): Promise<RunningHttp> {
  const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const db = { doc, table: config.INSPRAAK_TABLE };
  const apollo = createGatewayServer({
    supergraphSdl: supergraphSdl(config.INSPRAAK_SUPERGRAPH),
    dataSources: dataSources(db, config),
  });
  const cache = createResponseCache(db, config);
  return serveHttp(apollo, {
    port: config.PORT,
    host: config.HOST,
    context: async () => ({}),
    around: (request, execute) => cache.serve(request, execute),
    routes: exportRoutes(apollo),
  });
}
