/**
 * The gateway's fetch cache: the answers of our own subgraphs' fetches, kept in memory while the data
 * version holds, so that the pieces different whole queries share are computed once per harvest.
 *
 * - A fetch of root fields is keyed on its subgraph, operation text and name, and variables (sorted).
 * - An entity fetch (`_entities(representations: …)`) is split: each representation is one entry, keyed
 *   on the fetch's selection and other variables plus the representation itself. A page of proposals
 *   asks for the municipalities of its proposals; the next page, or a different page size, asks for
 *   mostly the same ones, and only those not held are sent to the subgraph, in one fetch.
 *
 * Every key starts with the data version (services/core/dynamo/dataVersion.ts), so entries are
 * unreachable once it moves; nothing is stored within the settle window after a move (indexes may
 * lag), and nothing from a fetch that answered with errors. Entries are JSON text (each hit parses its
 * own copy, which the gateway is free to change), in `lru-cache` bounded by bytes like the response
 * cache. Only our subgraphs' data sources are wrapped: partners' data does not follow our version.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { type DocumentNode, type GraphQLFormattedError, Kind, parse, type SelectionSetNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { stringify } from 'safe-stable-stringify';
import type { DataVersion } from '../core/dynamo/dataVersion';
import { byteBoundedCache } from './byteBoundedCache';
import { type RequestState, requestState } from './requestLog';

export interface FetchCacheSettings {
  /** The cap in bytes (an upper bound of the memory the entries take). */
  maxBytes: number;
  /** How long after the version moved nothing is stored (see ResponseCacheSettings.settleMs). */
  settleMs: number;
}

/**
 * Root fields whose answers depend on the time as well as on the data: the change feed lists an entry
 * only once it has settled (a minute after its write), so its answer changes while the version holds.
 */
const CLOCK_FIELDS = new Set(['changes']);

/** Whether an operation of `document` selects a root field whose answer depends on the time. */
export function readsTheClock(document: DocumentNode): boolean {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const selects = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return CLOCK_FIELDS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return selects(s.selectionSet, seen);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return selects(fragment.selectionSet, seen);
    });
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && selects(d.selectionSet, new Set()));
}

/** The data-source kind of a client's operation (GraphQLDataSourceRequestKind.INCOMING_OPERATION). */
const INCOMING_OPERATION = 'incoming operation';

export class FetchCache {
  private readonly store: LRUCache<string, string>;

  constructor(
    private readonly version: () => Promise<DataVersion | null>,
    private readonly settings: FetchCacheSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.store = byteBoundedCache<string>(settings.maxBytes, (value, key) => 2 * (value.length + key.length) + 100);
  }

  /** Fetch operations that read the clock, by text (the planner's fetches are finite per supergraph). */
  private readonly clockedFetches = new LRUCache<string, boolean>({ max: 1000 });

  private clocked(query: string, document: DocumentNode | undefined): boolean {
    let clocked = this.clockedFetches.get(query);
    if (clocked === undefined) {
      try {
        clocked = readsTheClock(document ?? parse(query));
      } catch {
        clocked = true; // not ours to judge: the subgraph answers the syntax error
      }
      this.clockedFetches.set(query, clocked);
    }
    return clocked;
  }

  /** Entries and the bytes they are counted at; never more than `maxBytes`. */
  get size(): { entries: number; bytes: number; maxBytes: number } {
    return { entries: this.store.size, bytes: this.store.calculatedSize, maxBytes: this.settings.maxBytes };
  }

  /** `source` with its fetches answered from this cache where they can be. */
  wrap(subgraph: string, source: GraphQLDataSource): GraphQLDataSource {
    return { process: (options) => this.process(subgraph, source, options) };
  }

  private async process(
    subgraph: string,
    source: GraphQLDataSource,
    options: GraphQLDataSourceProcessOptions,
  ): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const query = request.query;
    if (options.kind !== INCOMING_OPERATION || !query || /^\s*(mutation|subscription)\b/.test(query)) {
      return source.process(options);
    }
    if (this.clocked(query, options.document)) return source.process(options);
    const state = requestState(options.context);
    // One version for all the fetches of a request (and one read, when the clock reads every time).
    let versioned = state?.version;
    if (!versioned) {
      versioned = this.version();
      if (state) state.version = versioned;
    }
    const version = await versioned;
    if (!version) return source.process(options);
    const storable = this.now() - version.changedAt >= this.settings.settleMs;
    const { representations, ...rest } = request.variables ?? {};
    const prefix = `${version.value}\n${subgraph}\n${request.operationName ?? ''}\n${query}\n${stringify(rest)}`;
    const counts = tally(state);

    if (!Array.isArray(representations)) {
      const key = `${prefix}\n${stringify(representations) ?? ''}`;
      const held = this.store.get(key);
      if (held !== undefined) {
        counts.hits++;
        return { data: JSON.parse(held) as Record<string, unknown> };
      }
      counts.misses++;
      const response = await source.process(options);
      if (storable && response.data && !response.errors?.length) this.store.set(key, JSON.stringify(response.data));
      return response;
    }

    // An entity fetch: each representation on its own.
    const keys = representations.map((r) => `${prefix}\n${stringify(r)}`);
    const held = keys.map((k) => this.store.get(k));
    const missing = held.flatMap((e, i) => (e === undefined ? [i] : []));
    counts.hits += representations.length - missing.length;
    counts.misses += missing.length;
    const entities: unknown[] = held.map((e) => (e === undefined ? null : JSON.parse(e)));
    if (missing.length === 0) return { data: { _entities: entities } };
    const whole = missing.length === representations.length;
    const response = await source.process(
      whole
        ? options
        : {
            ...options,
            request: { ...request, variables: { ...rest, representations: missing.map((i) => representations[i]) } },
          },
    );
    const fetched = (response.data as { _entities?: unknown } | null | undefined)?._entities;
    const errors = whole ? response.errors : response.errors?.map((e) => atOriginalIndex(e, missing));
    if (!Array.isArray(fetched) || fetched.length !== missing.length) {
      // The fetch failed as a whole: answer as the subgraph did, errors pointing at the client's entities.
      return { ...response, ...(errors && { errors }) };
    }
    missing.forEach((at, j) => {
      entities[at] = fetched[j];
      if (storable && !errors?.length) this.store.set(keys[at]!, JSON.stringify(fetched[j]));
    });
    if (whole) return response;
    return { ...response, data: { ...response.data, _entities: entities }, ...(errors && { errors }) };
  }
}

/** An error of a fetch of the `missing` representations, its `_entities` index mapped back to the fetch asked for. */
function atOriginalIndex(error: GraphQLFormattedError, missing: number[]): GraphQLFormattedError {
  const path = error.path;
  if (path?.[0] !== '_entities' || typeof path[1] !== 'number') return error;
  const at = missing[path[1]];
  return at === undefined ? error : { ...error, path: ['_entities', at, ...path.slice(2)] };
}

/** The fetch cache's hits and misses for one request's log line (entities count one each). */
function tally(state: RequestState | undefined): { hits: number; misses: number } {
  if (!state) return { hits: 0, misses: 0 };
  state.fetchCache ??= { hits: 0, misses: 0 };
  return state.fetchCache;
}
