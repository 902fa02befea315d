/**
 * The polite HTTP client every adapter uses for one installation. Municipal servers are small, so:
 * - at most `maxConcurrent` (2) requests in flight and at most `requestsPerMinute` started, per source
 *   (bottleneck, a maintained limiter);
 * - a timeout per attempt, and retries with exponential backoff on 429, 5xx, timeouts and network errors,
 *   honouring `Retry-After` (cockatiel, a maintained resilience library), up to `maxRetryAfterMs`;
 * - a byte cap on every response, enforced while reading, so a 50 MB answer never fills memory.
 * Failures are typed (services/harvester/errors.ts) and their messages name no credentials.
 */
import Bottleneck from 'bottleneck';
import { DelegateBackoff, handleWhen, retry } from 'cockatiel';
import {
  PaginationError,
  ResponseTooLargeError,
  SourceUnavailableError,
  UpstreamHttpError,
  UpstreamSchemaError,
} from '../errors';

export type Query = Record<string, string | number | boolean | undefined | readonly (string | number)[]>;

export interface HttpClient {
  /** GET `path` (relative to the base URL) with `query`; the parsed JSON body of a 2xx answer. */
  getJson(path: string, query?: Query): Promise<unknown>;
  /** POST `body` as JSON to `path`; the parsed JSON body of a 2xx answer. */
  postJson(path: string, body: unknown): Promise<unknown>;
  /** GET `path` as text (HTML pages, for what a platform publishes only there); redirects followed. */
  getText(path: string, query?: Query): Promise<string>;
}

export interface HttpClientOptions {
  baseUrl: string;
  timeoutMs: number;
  maxResponseBytes: number;
  requestsPerMinute: number;
  maxConcurrent?: number;
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** The first backoff; doubles per retry, with jitter. Default 500 ms. */
  backoffMs?: number;
  /** The longest Retry-After honoured; a longer one fails the request. Default 60 s. */
  maxRetryAfterMs?: number;
  userAgent?: string;
  /**
   * What sends a request; default the global `fetch`. Tests pass a simulated installation's in-process
   * `fetch` (dev/simulators/simServer.ts), so the politeness above is exercised with no socket.
   */
  fetch?: typeof fetch;
}

/** An answer worth retrying, with how long the server asked us to wait, if it did. */
class RetryableError extends Error {
  constructor(
    readonly final: Error,
    readonly retryAfterMs: number | null,
  ) {
    super(final.message);
  }
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

export class PoliteHttpClient implements HttpClient {
  private readonly limiter: Bottleneck;
  private readonly policy;
  /** Requests sent (attempts, retries included). */
  requests = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.limiter = new Bottleneck({
      maxConcurrent: options.maxConcurrent ?? 2,
      minTime: Math.ceil(60_000 / options.requestsPerMinute),
    });
    const base = options.backoffMs ?? 500;
    this.policy = retry(
      handleWhen((e) => e instanceof RetryableError),
      {
        maxAttempts: options.retries ?? 3,
        backoff: new DelegateBackoff((ctx: { attempt: number; result: unknown }) => {
          const error = (ctx.result as { error?: unknown }).error;
          const asked = error instanceof RetryableError ? error.retryAfterMs : null;
          const exponential = base * 2 ** (ctx.attempt - 1) * (0.75 + Math.random() * 0.5);
          return Math.max(asked ?? 0, exponential);
        }),
      },
    );
  }

  getJson(path: string, query: Query = {}): Promise<unknown> {
    return this.send('GET', this.url(path, query), undefined, 'json');
  }

  postJson(path: string, body: unknown): Promise<unknown> {
    return this.send('POST', this.url(path, {}), JSON.stringify(body), 'json');
  }

  getText(path: string, query: Query = {}): Promise<string> {
    return this.send('GET', this.url(path, query), undefined, 'text') as Promise<string>;
  }

  private url(path: string, query: Query): URL {
    const url = new URL(
      path.replace(/^\//, ''),
      this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`,
    );
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    return url;
  }

  private async send(method: string, url: URL, body: string | undefined, as: 'json' | 'text'): Promise<unknown> {
    try {
      return await this.policy.execute(() => this.limiter.schedule(() => this.attempt(method, url, body, as)));
    } catch (e) {
      throw e instanceof RetryableError ? e.final : e;
    }
  }

  private async attempt(method: string, url: URL, body: string | undefined, as: 'json' | 'text'): Promise<unknown> {
    this.requests++;
    const where = `${method} ${url.pathname}`;
    let res: Response;
    try {
      res = await (this.options.fetch ?? fetch)(url, {
        method,
        headers: {
          accept: as === 'json' ? 'application/json' : 'text/html',
          'user-agent': this.options.userAgent ?? 'Inspraak-harvester/0.1 (+https://github.com/inspraak)',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body }),
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (e) {
      throw new RetryableError(unavailable(e, where, this.options.timeoutMs), null);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const error = new UpstreamHttpError(res.status, `${where} answered HTTP ${res.status}`);
      if (!RETRY_STATUSES.has(res.status)) throw error;
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      const maxWait = this.options.maxRetryAfterMs ?? 60_000;
      if (retryAfterMs !== null && retryAfterMs > maxWait) {
        throw new UpstreamHttpError(
          res.status,
          `${where} answered HTTP ${res.status} and asked to wait ${Math.round(retryAfterMs / 1000)} s, longer than ${maxWait / 1000} s`,
        );
      }
      throw new RetryableError(error, retryAfterMs);
    }
    let text: string;
    try {
      text = await readCapped(res, this.options.maxResponseBytes, where);
    } catch (e) {
      if (e instanceof ResponseTooLargeError) throw e;
      throw new RetryableError(unavailable(e, where, this.options.timeoutMs), null);
    }
    if (as === 'text') return text;
    try {
      return JSON.parse(text);
    } catch {
      throw new UpstreamSchemaError(
        `${where} answered with a body that is not JSON (${text.length} characters, starting ${JSON.stringify(text.slice(0, 40))})`,
      );
    }
  }
}

function unavailable(e: unknown, where: string, timeoutMs: number): SourceUnavailableError {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SourceUnavailableError(`${where} did not answer within ${timeoutMs} ms`, { cause: e });
  }
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : 'a network error';
  return new SourceUnavailableError(`${where} could not be reached (${code})`, { cause: e });
}

/** Reads the body, failing as soon as it passes `max` bytes (and before, when Content-Length says so). */
async function readCapped(res: Response, max: number, where: string): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(`${where} answered ${declared} bytes, more than the cap of ${max}`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(`${where} answered more than the cap of ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Guards a paging loop: call `next(token)` with each page's cursor or number; it throws PaginationError
 * when a token repeats (the installation sends the same page again) or after `maxPages` pages.
 */
export function pageGuard(where: string, maxPages = 10_000) {
  const seen = new Set<string>();
  return (token: string | number | null) => {
    const key = String(token);
    if (seen.has(key))
      throw new PaginationError(
        `${where} returned the cursor ${JSON.stringify(key).slice(0, 40)} twice: the paging loops`,
      );
    seen.add(key);
    if (seen.size > maxPages) throw new PaginationError(`${where} did not end after ${maxPages} pages`);
  };
}
