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
  /**
   * False: open no socket. The installation is then reached only through `fetch` (in-process, for unit
   * tests), at a `.invalid` URL nothing else can resolve. Default true: listen on 127.0.0.1.
   */
  listen?: boolean;
}

export interface SimServer {
  /** The base URL: `http://127.0.0.1:<port>`, or `http://sim-<n>.invalid` when not listening. */
  url: string;
  /** The port listened on; 0 when not listening. */
  port: number;
  /**
   * A `fetch` that answers from this installation in-process, whatever the URL's host: the same answers,
   * faults and rate limit as over the socket, with no socket. A `hang` answers never, until the request's
   * signal aborts (as a timeout does) or the installation is closed.
   */
  fetch: typeof fetch;
  /** Every request received, in order. */
  requests: { method: string; path: string; query: string }[];
  setFault(fault: Fault | null): void;
  close(): Promise<void>;
}

/** What one request is answered with, before it is written to a socket or made a fetch Response. */
type Answer =
  | { kind: 'hang' }
  | { kind: 'body'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'stream'; status: number; headers: Record<string, string>; chunks: () => Iterable<Buffer> };

let inProcessCount = 0;

export async function startSimServer(handler: SimHandler, options: SimServerOptions = {}): Promise<SimServer> {
  let fault: Fault | null = null;
  let rateLimitLeft = 0;
  const requests: SimServer['requests'] = [];
  const window: number[] = [];

  async function answer(
    method: string,
    url: URL,
    headers: IncomingMessage['headers'],
    rawBody: string,
  ): Promise<Answer> {
    requests.push({ method, path: url.pathname, query: url.search });

    if (options.rateLimitPerMinute) {
      const now = Date.now();
      while (window.length && window[0]! < now - 60_000) window.shift();
      if (window.length >= options.rateLimitPerMinute) {
        const wait = String(Math.ceil((window[0]! + 60_000 - now) / 1000));
        return tooMany(wait);
      }
      window.push(now);
    }

    switch (fault?.kind) {
      case 'hang':
        return { kind: 'hang' };
      case 'status':
        return {
          kind: 'body',
          status: fault.status,
          headers: { 'content-type': 'text/html' },
          body: `<html><body><h1>${fault.status}</h1></body></html>`,
        };
      case 'rateLimit':
        if (rateLimitLeft > 0) {
          rateLimitLeft--;
          return tooMany(String(fault.retryAfterSeconds));
        }
        break;
      case 'invalidJson':
        return {
          kind: 'body',
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"data": {"items": [1, 2, <html>Internal error</html>',
        };
      case 'huge': {
        const bytes = fault.bytes;
        return {
          kind: 'stream',
          status: 200,
          headers: { 'content-type': 'application/json' },
          chunks: () => huge(bytes),
        };
      }
      default:
        break;
    }

    let body: unknown = rawBody === '' ? undefined : rawBody;
    if (rawBody && /json/.test(headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return json(400, { message: 'Error parsing JSON' });
      }
    }
    const platformFault = fault?.kind === 'drift' || fault?.kind === 'paginationLoop' ? fault : null;
    let out: SimResponse;
    try {
      out = await handler({
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        rawBody,
        fault: platformFault,
      });
    } catch (e) {
      return json(500, { errors: [{ message: 'Internal Server error' }], detail: String(e) });
    }
    return {
      kind: 'body',
      status: out.status,
      headers: { ...(out.json !== undefined && { 'content-type': 'application/json; charset=utf-8' }), ...out.headers },
      body: out.json !== undefined ? JSON.stringify(out.json) : (out.text ?? ''),
    };
  }

  // In-process requests left hanging; closing the installation fails them, as a closed socket would.
  const hanging = new Set<(e: Error) => void>();
  let closed = false;
  const closedError = () => new TypeError('fetch failed: the simulated installation closed');
  const inProcessFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let request = new Request(input, init);
    // Follow redirects as fetch does by default (`redirect: 'manual'` gets the 3xx itself).
    for (let hops = 0; ; hops++) {
      const res = await fetchOnce(request);
      const location = res.headers.get('location');
      if (request.redirect !== 'follow' || !REDIRECTS.has(res.status) || !location) return res;
      if (hops === 20) throw new TypeError('fetch failed: redirect count exceeded');
      const keepsBody = res.status === 307 || res.status === 308;
      request = new Request(new URL(location, request.url), {
        method: keepsBody ? request.method : 'GET',
        headers: request.headers,
        signal: request.signal,
        ...(keepsBody && init?.body !== undefined && { body: init.body }),
      });
    }
  };
  const fetchOnce = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const headers = Object.fromEntries([...request.headers].map(([k, v]) => [k.toLowerCase(), v]));
    const rawBody = request.body ? await request.text() : '';
    request.signal.throwIfAborted();
    if (closed) throw closedError();
    const out = await answer(request.method, url, headers, rawBody);
    if (out.kind === 'hang') {
      return new Promise<Response>((_, reject) => {
        const fail = (e: Error) => {
          hanging.delete(fail);
          reject(e);
        };
        if (closed) return fail(closedError());
        hanging.add(fail);
        request.signal.addEventListener('abort', () => fail(request.signal.reason as Error), { once: true });
      });
    }
    if (out.kind === 'body') return new Response(nullBody(out.status) ? null : out.body, out);
    const chunks = out.chunks()[Symbol.iterator]();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      },
    });
    return new Response(stream, out);
  };

  const listening = options.listen ?? true;
  const server: Server | null = listening
    ? createServer((req, res) => {
        void (async () => {
          const rawBody = await readBody(req);
          const out = await answer(req.method ?? 'GET', new URL(req.url ?? '/', 'http://sim'), req.headers, rawBody);
          if (out.kind === 'hang') return; // never answer; close() ends the connection
          res.writeHead(out.status, out.headers);
          if (out.kind === 'body') res.end(out.body);
          else await writeChunks(res, out.chunks());
        })().catch((e: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: 'Internal Server error' }], detail: String(e) }));
        });
      })
    : null;

  if (server) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }
  const port = server ? (server.address() as AddressInfo).port : 0;
  return {
    url: server ? `http://127.0.0.1:${port}` : `http://sim-${++inProcessCount}.invalid`,
    port,
    fetch: inProcessFetch as typeof fetch,
    requests,
    setFault(f) {
      fault = f;
      rateLimitLeft = f?.kind === 'rateLimit' ? f.times : 0;
    },
    close: async () => {
      closed = true;
      for (const fail of [...hanging]) fail(closedError());
      if (!server) return;
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

const tooMany = (retryAfter: string): Answer => ({
  kind: 'body',
  status: 429,
  headers: { 'retry-after': retryAfter, 'content-type': 'text/plain' },
  body: 'Retry later\n',
});

const json = (status: number, value: unknown): Answer => ({
  kind: 'body',
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Statuses whose Response may carry no body (the fetch standard refuses one). */
const nullBody = (status: number) => status === 204 || status === 205 || status === 304;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON body of about `bytes` bytes, made a chunk at a time as it is read. */
function* huge(bytes: number): Iterable<Buffer> {
  const chunk = Buffer.from(`${JSON.stringify({ title: 'x'.repeat(1000) })},`);
  yield Buffer.from('{"data":[');
  for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
  yield Buffer.from('{}]}');
}

/** Writes the chunks with backpressure, stopping when the client goes away. */
async function writeChunks(res: ServerResponse, chunks: Iterable<Buffer>) {
  for (const chunk of chunks) {
    if (res.destroyed) return;
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
  res.end();
}
