/**
 * The gateway's response cache, in front of Apollo Server: whole HTTP answers keyed on the normalised
 * request (operation text without ignored characters, operation name, variables with sorted keys,
 * extensions, Accept) and the data version. Identical requests in flight share one execution. Answers
 * carry `Cache-Control` and a weak `ETag`; `If-None-Match` gets a 304 without executing anything.
 *
 * Why not `@apollo/server-plugin-response-cache`: it caches only what cache hints (`@cacheControl`)
 * declare cacheable and expires entries by TTL, where our answers are valid exactly until the data
 * version moves; it keys on the raw query text; and it has no in-flight deduplication or 304s, so a
 * second layer would have to compute its own key anyway. Working in front of Apollo also lets a hit skip
 * the whole request pipeline and the JSON serialisation. The store is `lru-cache`, bounded in bytes.
 */
import { createHash } from 'node:crypto';
import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { stripIgnoredCharacters } from 'graphql';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';
import { stringify } from 'safe-stable-stringify';
import type { DataVersion } from '../core/dynamo/dataVersion';
import { log } from '../core/log';
import { byteBoundedCache } from './byteBoundedCache';
import { readsTheClock } from './fetchCache';
import { requestState, trackRequest } from './requestLog';

export interface ResponseCacheSettings {
  /** The cache's cap in bytes (an upper bound of the memory its entries take). */
  maxBytes: number;
  /** `max-age` of cacheable answers, in seconds. */
  maxAgeSeconds: number;
  /** `stale-while-revalidate` of cacheable answers, in seconds. */
  staleWhileRevalidateSeconds: number;
  /**
   * How long after the version moved an answer is neither stored nor given an ETag: DynamoDB's indexes
   * are eventually consistent, so a read right after the writer advanced the version may not see all of
   * its writes yet.
   */
  settleMs: number;
}

/**
 * Marks answers that may be cached: queries answered with status 200 and no errors, and not reading the
 * clock (the change feed: its answers change while the data version holds).
 */
export function responseCachePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, document, operation, response }) {
          const state = requestState(contextValue);
          if (!state) return;
          state.cacheable =
            operation?.operation === 'query' &&
            !!document &&
            !readsTheClock(document) &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors?.length &&
            (response.http.status ?? 200) === 200;
        },
      };
    },
  };
}

interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
  cacheable: boolean;
}

/** How the cache treated a request, for the request log. */
type CacheOutcome = 'hit' | 'miss' | 'shared' | 'not-modified' | 'bypass';

export class ResponseCache {
  private readonly store: LRUCache<string, Answer>;
  private readonly inFlight = new Map<string, Promise<Answer>>();
  private readonly normalised = new LRUCache<string, string>({ max: 1000 });

  constructor(
    private readonly version: () => Promise<DataVersion | null>,
    private readonly settings: ResponseCacheSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.store = byteBoundedCache<Answer>(settings.maxBytes, answerBytes);
  }

  /** Entries and the bytes they are counted at; never more than `maxBytes`. */
  get size(): { entries: number; bytes: number; maxBytes: number } {
    return { entries: this.store.size, bytes: this.store.calculatedSize, maxBytes: this.settings.maxBytes };
  }

  /**
   * Answers `request` from the cache, from an identical request in flight, or by `execute` (which
   * must run Apollo with the given context object, so that `responseCachePlugin` can mark it).
   */
  async serve(
    request: HTTPGraphQLRequest,
    execute: (context: object) => Promise<HTTPGraphQLResponse>,
  ): Promise<HTTPGraphQLResponse> {
    const started = performance.now();
    // A cap of 0 turns the cache off: every request executes, answered `no-store`.
    const described = this.settings.maxBytes > 0 ? this.describe(request) : null;
    const version = described ? await this.version() : null;
    if (!described || !version) {
      return toResponse(await run(execute, 'bypass', described ? version : undefined), this.headers(false));
    }
    const key = digest(`${version.value}\n${described}`);
    const etag = `W/"${version.value}-${key.slice(0, 22)}"`;
    const settled = this.now() - version.changedAt >= this.settings.settleMs;

    if (settled && matches(request.headers.get('if-none-match'), etag)) {
      logHit('not-modified', started, 304);
      return { status: 304, headers: this.headers(true, etag), body: { kind: 'complete', string: '' } };
    }
    const stored = this.store.get(key);
    if (stored) {
      logHit('hit', started, stored.status);
      return toResponse(stored, this.headers(true, etag));
    }
    let pending = this.inFlight.get(key);
    let outcome: CacheOutcome = 'shared';
    if (!pending) {
      outcome = 'miss';
      pending = run(execute, 'miss', version).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
      void pending.then(
        (a) => {
          if (a.cacheable && settled) this.store.set(key, a);
        },
        () => undefined,
      );
    }
    const answer = await pending;
    if (outcome === 'shared') logHit('shared', started, answer.status);
    return toResponse(answer, this.headers(answer.cacheable && settled, etag));
  }

  /** The request's identity apart from the data version, or null when it is not a cacheable shape. */
  private describe(request: HTTPGraphQLRequest): string | null {
    if (request.method !== 'GET' && request.method !== 'POST') return null;
    let params: { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
    if (request.method === 'GET') {
      const search = new URLSearchParams(request.search);
      try {
        params = {
          query: search.get('query') ?? undefined,
          operationName: search.get('operationName') ?? undefined,
          variables: json(search.get('variables')),
          extensions: json(search.get('extensions')),
        };
      } catch {
        return null;
      }
    } else {
      const body = request.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
      params = body as typeof params;
    }
    const { query, operationName, variables, extensions } = params;
    if (query !== undefined && typeof query !== 'string') return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
    const ext = extensions && typeof extensions === 'object' ? { ...(extensions as Record<string, unknown>) } : {};
    const persisted = ext.persistedQuery as { sha256Hash?: unknown } | undefined;
    delete ext.persistedQuery;
    let document: string;
    if (typeof query === 'string') {
      const normal = this.normalise(query);
      if (normal === null) return null;
      document = `q:${normal}`;
    } else if (persisted && typeof persisted.sha256Hash === 'string') {
      document = `apq:${persisted.sha256Hash}`;
    } else {
      return null;
    }
    const vars = variables === null || variables === undefined ? {} : variables;
    return [
      mediaType(request.headers.get('accept')),
      document,
      operationName ?? '',
      stringify(vars) ?? '',
      stringify(ext) ?? '',
    ].join('\n');
  }

  private normalise(query: string): string | null {
    let out = this.normalised.get(query);
    if (out === undefined) {
      try {
        out = stripIgnoredCharacters(query);
      } catch {
        return null; // Apollo answers the syntax error
      }
      if (query.length <= 20_000) this.normalised.set(query, out);
    }
    return out;
  }

  private headers(store: boolean, etag?: string): HeaderMap {
    const h = new HeaderMap();
    if (store) {
      const { maxAgeSeconds, staleWhileRevalidateSeconds } = this.settings;
      h.set('cache-control', `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`);
      if (etag) h.set('etag', etag);
    } else {
      h.set('cache-control', 'no-store');
    }
    h.set('vary', 'accept');
    return h;
  }
}

/** Executes a request; `version`, when read, is the one the fetch cache uses for it too. */
async function run(
  execute: (context: object) => Promise<HTTPGraphQLResponse>,
  outcome: CacheOutcome,
  version?: DataVersion | null,
): Promise<Answer> {
  const context = {};
  const { state, result } = trackRequest(context, outcome, () => execute(context), version);
  const response = await result;
  let body: string;
  if (response.body.kind === 'complete') body = response.body.string;
  else {
    body = '';
    for await (const chunk of response.body.asyncIterator) body += chunk;
  }
  const headers = [...response.headers].filter(([k]) => k !== 'cache-control' && k !== 'etag' && k !== 'vary');
  return {
    status: response.status ?? 200,
    headers,
    body,
    cacheable: response.body.kind === 'complete' && state.cacheable === true,
  };
}

function toResponse(answer: Answer, headers: HeaderMap): HTTPGraphQLResponse {
  const out = new HeaderMap(answer.headers);
  for (const [k, v] of headers) out.set(k, v);
  return { status: answer.status, headers: out, body: { kind: 'complete', string: answer.body } };
}

/**
 * The media type Apollo Server will answer with for this Accept header (its own choice, made with the
 * same library): answers differ by it, Accept headers as such vary far more.
 */
function mediaType(accept: string | undefined): string {
  if (!accept) return 'application/json';
  return new Negotiator({ headers: { accept } }).mediaType(ANSWER_TYPES) ?? 'none';
}
const ANSWER_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

function json(value: string | null): unknown {
  return value === null || value === '' ? undefined : JSON.parse(value);
}

function digest(s: string): string {
  return createHash('sha256').update(s).digest('base64url');
}

/** Weak comparison (RFC 9110 §13.1.2): `W/` is ignored; `*` matches any current representation. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
}

/** Upper bound of an entry's memory: strings at two bytes a character, plus the map's own overhead. */
function answerBytes(a: Answer, key: string): number {
  let n = 2 * (a.body.length + key.length) + 200;
  for (const [k, v] of a.headers) n += 2 * (k.length + v.length) + 32;
  return n;
}

/** The request log line of a request that Apollo did not execute (requestLog.ts writes the others). */
function logHit(outcome: CacheOutcome, started: number, status: number): void {
  log.info('graphql request', {
    cache: outcome,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    status,
    dynamodbCalls: 0,
  });
}
