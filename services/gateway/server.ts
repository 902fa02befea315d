/**
 * The gateway as a local HTTP server: composition root for the sandbox and for running the gateway on
 * a machine. Reads the environment once, builds the clients and stores, and serves.
 */
import { createDynamo } from '../core/dynamo/client';
import { serveHttp, type RunningHttp } from '../core/http';
import { gatewayConfig, type GatewayConfig } from './config';
import { loadTrustedDocuments } from './trustedDocuments';
import { createGatewayServer, createCaches, dataSources, supergraphSdl } from './gateway';
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { log } from '../core/log';
import type { PlainResponse } from './exportBudget';
import { explorerPage, wantsExplorer } from './explorer';
import { answerPlain, type PlainDeps } from './plainRoutes';
import { matchRoute } from './routes';

/** The plain-URL routes beside /graphql (routes.ts), and the explorer for browsers at /graphql. */
export function exportRoutes(deps: PlainDeps) {
  return async (method: string, path: string, res: ServerResponse) => {
    const search = new URL(res.req.url ?? '/', 'http://localhost').search;
    const headers = res.req.headers as Record<string, string | undefined>;
    if (wantsExplorer(method, path, search, headers.accept)) {
      await send(res, explorerPage(deps.explorerDir));
      return true;
    }
    const match = matchRoute(method, path);
    if (match?.route.kind !== 'plain') return false;
    await send(res, await answerPlain(deps, match, { headers, search }));
    return true;
  };
}

/** Writes a plain answer; a streamed body chunk by chunk, waiting for the socket when it is full. */
async function send(res: ServerResponse, out: PlainResponse): Promise<void> {
  res.writeHead(out.status, out.headers);
  if (typeof out.body === 'string' || Buffer.isBuffer(out.body)) {
    res.end(out.body);
    return;
  }
  try {
    for await (const chunk of out.body) {
      if (res.destroyed) return; // the client went away: stop reading
      if (!res.write(chunk)) await once(res, 'drain');
    }
    res.end();
  } catch (e) {
    // Headers are sent: cut the connection, so the client sees a failed transfer, not a short file.
    log.error('streamed response failed', { error: e instanceof Error ? e.message : String(e) });
    res.destroy();
  }
}

export async function startGateway(config: GatewayConfig = gatewayConfig()): Promise<RunningHttp> {
  const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const db = { doc, table: config.INSPRAAK_TABLE };
  const { responses: cache, fetches: fetchCache } = createCaches(db, config);
  const apollo = createGatewayServer({
    supergraphSdl: supergraphSdl(config.INSPRAAK_SUPERGRAPH),
    dataSources: dataSources(db, config),
    partnerTimeoutMs: config.INSPRAAK_SUBGRAPH_TIMEOUT_MS,
    fetchCache,
    trustedDocuments: loadTrustedDocuments(
      config.INSPRAAK_TRUSTED_DOCUMENTS,
      config.INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST,
    ),
  });
  return serveHttp(apollo, {
    port: config.PORT,
    host: config.HOST,
    context: async () => ({}),
    around: (request, execute) => cache.serve(request, execute),
    routes: exportRoutes({ apollo, explorerDir: config.INSPRAAK_EXPLORER_DIR }),
  });
}
