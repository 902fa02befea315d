/**
 * A small HTTP front for an Apollo Server: POST/GET /graphql, GET /health, CORS for browsers, a body
 * size cap, and GraphQL-shaped errors (with `extensions.code`) for requests that never reach GraphQL,
 * such as a malformed JSON body. Built on node:http and Apollo's executeHTTPGraphQLRequest.
 */
import type { ApolloServer, BaseContext, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ErrorCode, errorAnswer } from './errors';
import { log } from './log';

export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpOptions<C> {
  port: number;
  host: string;
  context: () => Promise<C>;
  /**
   * Wraps the execution of each GraphQL request (the gateway's response cache); `execute` runs Apollo
   * with the given context object.
   */
  around?: (
    request: HTTPGraphQLRequest,
    execute: (context: C) => Promise<HTTPGraphQLResponse>,
  ) => Promise<HTTPGraphQLResponse>;
  /** Extra GET routes beside /graphql: answer and return true, or return false to pass. */
  routes?: (method: string, path: string, res: ServerResponse) => Promise<boolean>;
}

export interface RunningHttp {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts `apollo` (which must not be started yet) on `port`; resolves once it listens. */
export async function serveHttp<C extends BaseContext>(
  apollo: ApolloServer<C>,
  options: HttpOptions<C>,
): Promise<RunningHttp> {
  await apollo.start();
  const server: Server = createServer((req, res) => {
    handle(apollo, options, req, res).catch((e) => {
      log.error('http handler failed', { error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) sendError(res, 'INTERNAL_SERVER_ERROR');
      else res.end();
    });
  });
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}

async function handle<C extends BaseContext>(
  apollo: ApolloServer<C>,
  options: HttpOptions<C>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  setCors(res);
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }
  if (url.pathname === '/health' && req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (options.routes && (await options.routes(req.method ?? 'GET', url.pathname, res))) return;
  if (url.pathname !== '/graphql' && url.pathname !== '/') {
    sendError(res, 'NOT_FOUND', `No route ${url.pathname}. The GraphQL endpoint is /graphql.`);
    return;
  }
  const headers = new HeaderMap();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  let body: unknown;
  if (req.method === 'POST') {
    const raw = await readBody(req);
    if (raw === null) {
      sendError(res, 'REQUEST_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
      return;
    }
    const type = headers.get('content-type') ?? '';
    if (type.includes('json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        sendError(res, 'BAD_REQUEST', 'The request body is not valid JSON. Send {"query": "…", "variables": {…}}.');
        return;
      }
    } else {
      body = raw;
    }
  }
  const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
  const response = options.around
    ? await options.around(request, (context) =>
        apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context }),
      )
    : await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: options.context });
  for (const [k, v] of response.headers) res.setHeader(k, v);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function setCors(res: ServerResponse) {
  // A public, read-only API: any page may query it. No credentials are involved.
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type, apollo-require-preflight');
  res.setHeader('access-control-max-age', '86400');
}

/** A GraphQL-shaped error response for failures outside GraphQL execution, with the catalogue's status. */
export function sendError(res: ServerResponse, code: ErrorCode, message?: string) {
  const answer = errorAnswer(code, message);
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(answer.body);
}
