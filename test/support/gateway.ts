/** Starts the real gateway over HTTP on a free port, as `npm start` does, for end-to-end tests. */
import type { ApolloServer } from '@apollo/server';
import { serveHttp, type RunningHttp } from '../../services/core/http';
import type { TableAccess } from '../../services/core/dynamo/loader';
import { gatewayConfig } from '../../services/gateway/config';
import { loadTrustedDocuments } from '../../services/gateway/trustedDocuments';
import { exportRoutes } from '../../services/gateway/server';
import { createGatewayServer, createCaches, dataSources, supergraphSdl } from '../../services/gateway/gateway';

export interface TestGateway extends RunningHttp {
  /** The gateway's server itself (for code that executes operations in-process, like the export job). */
  apollo: ApolloServer;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; text: string }>;
}

/**
 * The gateway with its response cache, as shipped, except that it reads the data version on every
 * request and caches right after a change (tests write and query within milliseconds; `env` overrides).
 */
export async function startTestGateway(
  db: TableAccess,
  env: Record<string, string> = {},
  supergraph: string = supergraphSdl(),
): Promise<TestGateway> {
  const config = gatewayConfig({ PORT: '0', INSPRAAK_DATA_VERSION_HOLD_MS: '0', INSPRAAK_DATA_SETTLE_MS: '0', ...env });
  const { responses: cache, fetches: fetchCache } = createCaches(db, config);
  const apollo = createGatewayServer({
    supergraphSdl: supergraph,
    dataSources: dataSources(db, config),
    fetchCache,
    trustedDocuments: loadTrustedDocuments(
      config.INSPRAAK_TRUSTED_DOCUMENTS,
      config.INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST,
    ),
  });
  const running = await serveHttp(apollo, {
    port: 0,
    host: '127.0.0.1',
    context: async () => ({}),
    around: (request, execute) => cache.serve(request, execute),
    routes: exportRoutes({ apollo }),
  });
  return { ...running, apollo, post: (body, headers) => post(running.url, body, headers) };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as any, text };
}
