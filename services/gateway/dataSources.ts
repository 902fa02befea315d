/**
 * Where the gateway sends each subgraph's share of a query: in-process (all subgraphs in one process,
 * the default locally and the fastest path on Lambda) or over HTTP (separately deployed or third-party
 * subgraphs). Every call is bounded by subgraphCalls.ts: a timeout, the request's deadline, a byte cap.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, Kind, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { stringify } from 'safe-stable-stringify';
import { InspraakError } from '../core/errors';
import { formatSubgraphError, type Subgraph } from '../core/subgraph';
import { InFlight } from './inFlight';
import { AsyncLocalStorage } from 'node:async_hooks';
import { recordCall } from './requestLog';
import {
  type CallLimits,
  callTimeout,
  cappedResponse,
  failedCall,
  SubgraphUnavailableError,
  timedOut,
} from './subgraphCalls';
import type { SignRequest } from './signing';

export { SubgraphError, SubgraphTimeoutError, SubgraphUnavailableError } from './subgraphCalls';

/**
 * Runs a subgraph's schema in this process, with one fresh subgraph context per gateway request.
 * Identical queries in flight at once (same document, operation and variables), from any requests,
 * share one execution.
 */
export class InProcessDataSource<C extends object> implements GraphQLDataSource {
  private readonly contexts = new WeakMap<object, C>();
  private readonly documents = new Map<string, DocumentNode>();
  private readonly inFlight = new InFlight<GatewayGraphQLResponse>();

  constructor(
    private readonly subgraph: Subgraph<C>,
    private readonly limits: CallLimits,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const query = request.query ?? '';
    const document = this.parsed(query);
    const started = performance.now();
    try {
      const timeoutMs = callTimeout(options.context, this.limits, this.subgraph.name);
      const work = () => this.execute(document, options, timeoutMs);
      const { value, shared } = isMutation(document)
        ? { value: await work(), shared: false }
        : await this.inFlight.run(
            `${request.operationName ?? ''}\n${stringify(request.variables ?? {})}\n${query}`,
            work,
            structuredClone,
          );
      recordCall(options.context, this.subgraph.name, performance.now() - started, !value.errors?.length, shared);
      return value;
    } catch (e) {
      recordCall(options.context, this.subgraph.name, performance.now() - started, false);
      return failedCall(e, options);
    }
  }

  private async execute(
    document: DocumentNode,
    options: GraphQLDataSourceProcessOptions,
    timeoutMs: number,
  ): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const run = Promise.resolve(
      execute({
        schema: this.subgraph.schema,
        document,
        contextValue: this.contextFor(options),
        variableValues: request.variables ?? {},
        operationName: request.operationName ?? null,
      }),
    );
    const result = await withTimeout(run, timeoutMs, this.subgraph.name);
    const errors = result.errors?.map((e): GraphQLFormattedError => formatSubgraphError(e.toJSON(), e));
    return { data: result.data as Record<string, unknown> | null | undefined, ...(errors && { errors }) };
  }

  private contextFor(options: GraphQLDataSourceProcessOptions): C {
    // Query plans call a subgraph several times per request; they share one context, so that their
    // DataLoaders batch and cache across those calls, but never across requests.
    const key =
      'context' in options && options.context && typeof options.context === 'object' ? (options.context as object) : {};
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = this.subgraph.createContext();
      this.contexts.set(key, ctx);
    }
    return ctx;
  }

  private parsed(query: string): DocumentNode {
    let doc = this.documents.get(query);
    if (!doc) {
      doc = parse(query);
      // Query plans are finite per supergraph; the cap only guards against unbounded growth.
      if (this.documents.size >= 1000) this.documents.clear();
      this.documents.set(query, doc);
    }
    return doc;
  }
}

/**
 * Calls a subgraph over HTTP with a timeout per call; failures become errors that name no address.
 * Identical queries in flight at once (same URL and body), from any requests, share one HTTP exchange;
 * each caller reads its own copy of the answer.
 */
export class HttpDataSource extends RemoteGraphQLDataSource {
  /** `sign`, when given, adds request signing headers (SigV4 for IAM-authorised function URLs). */
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly limits: CallLimits,
    sign?: SignRequest,
  ) {
    const exchanges = new InFlight<{ body: string; init: ResponseInit }>();
    const exchange = async (input: unknown, init: unknown, timeoutMs: number) => {
      const response = await send(input, init, timeoutMs);
      const headers: [string, string][] = [...response.headers];
      return {
        // The capped body errors with SubgraphUnavailableError past limits.maxResponseBytes.
        body: await response.text(),
        init: { status: response.status, statusText: response.statusText, headers },
      };
    };
    const send = async (input: unknown, init: unknown, timeoutMs: number): Promise<Response> => {
      try {
        let request = init as RequestInit & { headers?: Record<string, string>; body?: string };
        if (sign) {
          const headers = Object.fromEntries(
            new Headers(request.headers as ConstructorParameters<typeof Headers>[0]).entries(),
          );
          request = {
            ...request,
            headers: await sign(String(input), {
              method: request.method ?? 'POST',
              headers,
              body: String(request.body ?? ''),
            }),
          };
        }
        const abort = new AbortController();
        const response = await fetch(input as string, {
          ...request,
          signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), abort.signal]),
        });
        return cappedResponse(response, limits.maxResponseBytes, subgraph, () => abort.abort());
      } catch (e) {
        if (e instanceof InspraakError) throw e;
        // By name, not instanceof: fetch's DOMException may come from another realm (e.g. under jest).
        const name = (e as { name?: unknown } | null)?.name;
        if (name === 'TimeoutError' || name === 'AbortError') throw timedOut(subgraph, timeoutMs, e);
        throw new SubgraphUnavailableError(subgraph, `The ${subgraph} subgraph could not be reached.`, { cause: e });
      }
    };
    super({
      url,
      fetcher: async (input, init) => {
        // The call's time: its own timeout or what is left of the request's deadline (process, below).
        const timeoutMs = callScope.getStore() ?? limits.timeoutMs;
        const body = String((init as { body?: unknown } | undefined)?.body ?? '');
        const answer = MUTATION_BODY.test(body)
          ? await exchange(input, init, timeoutMs)
          : (
              await exchanges.run(
                `${String(input)}\n${body}`,
                () => exchange(input, init, timeoutMs),
                (a) => a,
              )
            ).value;
        return new Response(answer.body, answer.init) as never;
      },
    });
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    try {
      const timeout = callTimeout(options.context, this.limits, this.subgraph);
      const response = await callScope.run(timeout, () => super.process(options));
      if (response.data == null && !response.errors?.length) {
        throw new SubgraphUnavailableError(
          this.subgraph,
          `The ${this.subgraph} subgraph answered with neither data nor errors.`,
        );
      }
      recordCall(options.context, this.subgraph, performance.now() - started, !response.errors?.length);
      return response;
    } catch (e) {
      recordCall(options.context, this.subgraph, performance.now() - started, false);
      const error =
        e instanceof InspraakError
          ? e
          : new SubgraphUnavailableError(
              this.subgraph,
              `The ${this.subgraph} subgraph answered with something that is not a GraphQL response.`,
              { cause: e },
            );
      return failedCall(error, options);
    }
  }
}

/** A subgraph request body whose operation is a mutation: never shared. */
const MUTATION_BODY = /"query":\s*"\s*mutation\b/;

function isMutation(document: DocumentNode): boolean {
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
}
/** The timeout of the HTTP call under way, set by `HttpDataSource.process` for its fetcher. */
const callScope = new AsyncLocalStorage<number>();

async function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(name, ms)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
