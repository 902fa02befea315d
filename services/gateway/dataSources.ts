/**
 * Where the gateway sends each subgraph's share of a query: in-process (all subgraphs in one process,
 * the default locally and the fastest path on Lambda) or over HTTP (separately deployed or third-party
 * subgraphs). Every call has a timeout; the gateway has none of its own.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { InspraakError } from '../core/errors';
import { formatSubgraphError, type Subgraph } from '../core/subgraph';
import { recordCall } from './requestLog';
import type { SignRequest } from './signing';

/** A failure to get an answer from one subgraph; `subgraph` is its name in the supergraph. */
export abstract class SubgraphError extends InspraakError {
  constructor(
    readonly subgraph: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A subgraph did not answer within its timeout. */
export class SubgraphTimeoutError extends SubgraphError {
  readonly code = 'SUBGRAPH_TIMEOUT';
}

/** A subgraph could not be reached or answered with something that is not GraphQL. */
export class SubgraphUnavailableError extends SubgraphError {
  readonly code = 'SUBGRAPH_UNAVAILABLE';
}

/** Runs a subgraph's schema in this process, with one fresh subgraph context per gateway request. */
export class InProcessDataSource<C extends object> implements GraphQLDataSource {
  private readonly contexts = new WeakMap<object, C>();
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    private readonly subgraph: Subgraph<C>,
    private readonly timeoutMs: number,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const query = request.query ?? '';
    const document = this.parsed(query);
    const contextValue = this.contextFor(options);
    const started = performance.now();
    const run = Promise.resolve(
      execute({
        schema: this.subgraph.schema,
        document,
        contextValue,
        variableValues: request.variables ?? {},
        operationName: request.operationName ?? null,
      }),
    );
    let result: Awaited<typeof run>;
    try {
      result = await withTimeout(run, this.timeoutMs, this.subgraph.name);
    } catch (e) {
      recordCall(options.context, this.subgraph.name, performance.now() - started, false);
      throw e;
    }
    recordCall(options.context, this.subgraph.name, performance.now() - started, !result.errors?.length);
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

/** Calls a subgraph over HTTP with a timeout per call; failures become errors that name no address. */
export class HttpDataSource extends RemoteGraphQLDataSource {
  /** `sign`, when given, adds request signing headers (SigV4 for IAM-authorised function URLs). */
  constructor(
    private readonly subgraph: string,
    url: string,
    timeoutMs: number,
    sign?: SignRequest,
  ) {
    super({
      url,
      fetcher: async (input, init) => {
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
          return (await fetch(input as string, { ...request, signal: AbortSignal.timeout(timeoutMs) })) as never;
        } catch (e) {
          // By name, not instanceof: fetch's DOMException may come from another realm (e.g. under jest).
          const name = (e as { name?: unknown } | null)?.name;
          if (name === 'TimeoutError' || name === 'AbortError') {
            throw new SubgraphTimeoutError(
              subgraph,
              `The ${subgraph} subgraph did not answer within ${timeoutMs} ms.`,
              { cause: e },
            );
          }
          throw new SubgraphUnavailableError(subgraph, `The ${subgraph} subgraph could not be reached.`, { cause: e });
        }
      },
    });
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    try {
      const response = await super.process(options);
      recordCall(options.context, this.subgraph, performance.now() - started, !response.errors?.length);
      return response;
    } catch (e) {
      recordCall(options.context, this.subgraph, performance.now() - started, false);
      if (e instanceof InspraakError) throw e;
      throw new SubgraphUnavailableError(
        this.subgraph,
        `The ${this.subgraph} subgraph answered with something that is not a GraphQL response.`,
        { cause: e },
      );
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SubgraphTimeoutError(name, `The ${name} subgraph did not answer within ${ms} ms.`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
