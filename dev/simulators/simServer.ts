/**
 * The HTTP shell shared by the simulated installations in dev/simulators: it parses requests, applies an
 * optional per-minute rate limit (as Decidim's Rack::Attack and OpenStad's limiter do), and injects the
 * faults the harvester must survive. Platform-specific faults (`drift`, `paginationLoop`) are passed to
 * the platform's handler, which knows how its API would drift or loop.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Answer every request with this HTTP status (and a small HTML page, as a proxy would). */
  | { kind: 'status'; status: number }
  /** Answer the next `times` requests with 429 and `Retry-After: retryAfterSeconds`, then serve normally. */
  | { kind: 'rateLimit'; retryAfterSeconds: number; times: number }
  /** Answer 200 with a body that is not JSON. */
  | { kind: 'invalidJson' }
  /** Answer 200 with a JSON body of about `bytes` bytes, streamed. */
  | { kind: 'huge'; bytes: number }
  /** Platform-specific: a field renamed or missing, as after an upgrade the adapter does not know. */
  | { kind: 'drift' }
  /** Platform-specific: paging returns the same cursor or page again, forever. */
  | { kind: 'paginationLoop' };

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON for JSON bodies, the raw string otherwise, undefined without a body. */
  body: unknown;
  rawBody: string;
  /** The platform-specific fault in force, if any. */
  fault: Extract<Fault, { kind: 'drift' | 'paginationLoop' }> | null;
}

export interface SimResponse {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface SimServerOptions {
  port?: number;
  /** Requests per minute per client before 429, like the platform's production default; off when unset. */
  rateLimitPerMinute?: number;
}

export interface SimServer {
  url: string;
  port: number;
  /** Every request received, in order. */
  requests: { method: string; path: string; query: string }[];
  setFault(fault: Fault | null): void;
  close(): Promise<void>;
}

export async function startSimServer(handler: SimHandler, options: SimServerOptions = {}): Promise<SimServer> {
  let fault: Fault | null = null;
  let rateLimitLeft = 0;
  const requests: SimServer['requests'] = [];
  const window: number[] = [];

  const server: Server = createServer((req, res) => {
    void serve(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal Server error' }], detail: String(e) }));
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search });
    const rawBody = await readBody(req);

    if (options.rateLimitPerMinute) {
      const now = Date.now();
      while (window.length && window[0]! < now - 60_000) window.shift();
      if (window.length >= options.rateLimitPerMinute) {
        res
          .writeHead(429, {
            'retry-after': String(Math.ceil((window[0]! + 60_000 - now) / 1000)),
            'content-type': 'text/plain',
          })
          .end('Retry later\n');
        return;
      }
      window.push(now);
    }

    switch (fault?.kind) {
      case 'hang':
        return; // never answer; close() ends the connection
      case 'status':
        res
          .writeHead(fault.status, { 'content-type': 'text/html' })
          .end(`<html><body><h1>${fault.status}</h1></body></html>`);
        return;
      case 'rateLimit':
        if (rateLimitLeft > 0) {
          rateLimitLeft--;
          res
            .writeHead(429, { 'retry-after': String(fault.retryAfterSeconds), 'content-type': 'text/plain' })
            .end('Retry later\n');
          return;
        }
        break;
      case 'invalidJson':
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"data": {"items": [1, 2, <html>Internal error</html>');
        return;
      case 'huge':
        await streamHuge(res, fault.bytes);
        return;
      default:
        break;
    }

    let body: unknown = rawBody === '' ? undefined : rawBody;
    if (rawBody && /json/.test(req.headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: 'Error parsing JSON' }));
        return;
      }
    }
    const platformFault = fault?.kind === 'drift' || fault?.kind === 'paginationLoop' ? fault : null;
    const out = await handler({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      rawBody,
      fault: platformFault,
    });
    const headers = {
      ...(out.json !== undefined && { 'content-type': 'application/json; charset=utf-8' }),
      ...out.headers,
    };
    res.writeHead(out.status, headers).end(out.json !== undefined ? JSON.stringify(out.json) : (out.text ?? ''));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setFault(f) {
      fault = f;
      rateLimitLeft = f?.kind === 'rateLimit' ? f.times : 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function streamHuge(res: ServerResponse, bytes: number) {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.from(`${JSON.stringify({ title: 'x'.repeat(1000) })},`);
  res.write('{"data":[');
  for (let sent = 0; sent < bytes && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done).off('close', done);
          resolve();
        };
        res.on('drain', done).on('close', done);
      });
    }
  }
  res.end('{}]}');
}
