/**
 * Where the gateway sends each subgraph's share of a query: in-process (all subgraphs in one process,
 * the default locally and the fastest path on Lambda) or over HTTP (separately deployed or third-party
 * subgraphs). Every call has a timeout; the gateway has none of its own.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, Kind, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { stringify } from 'safe-stable-stringify';
import { InspraakError } from '../core/errors';
import { formatSubgraphError, type Subgraph } from '../core/subgraph';
import { InFlight } from './inFlight';
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
    private readonly timeoutMs: number,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const query = request.query ?? '';
    const document = this.parsed(query);
    const started = performance.now();
    const work = () => this.execute(document, options);
    try {
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
      throw e;
    }
  }

  private async execute(
    document: DocumentNode,
    options: GraphQLDataSourceProcessOptions,
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
    const result = await withTimeout(run, this.timeoutMs, this.subgraph.name);
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
    timeoutMs: number,
    sign?: SignRequest,
  ) {
    const exchanges = new InFlight<{ body: string; init: ResponseInit }>();
    const exchange = async (input: unknown, init: unknown) => {
      const response = await send(input, init);
      const headers: [string, string][] = [...response.headers];
      return {
        body: await response.text(),
        init: { status: response.status, statusText: response.statusText, headers },
      };
    };
    const send = async (input: unknown, init: unknown): Promise<Response> => {
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
        return await fetch(input as string, { ...request, signal: AbortSignal.timeout(timeoutMs) });
      } catch (e) {
        // By name, not instanceof: fetch's DOMException may come from another realm (e.g. under jest).
        const name = (e as { name?: unknown } | null)?.name;
        if (name === 'TimeoutError' || name === 'AbortError') {
          throw new SubgraphTimeoutError(subgraph, `The ${subgraph} subgraph did not answer within ${timeoutMs} ms.`, {
            cause: e,
          });
        }
        throw new SubgraphUnavailableError(subgraph, `The ${subgraph} subgraph could not be reached.`, { cause: e });
      }
    };
    super({
      url,
      fetcher: async (input, init) => {
        const body = String((init as { body?: unknown } | undefined)?.body ?? '');
        const answer = MUTATION_BODY.test(body)
          ? await exchange(input, init)
          : (
              await exchanges.run(
                `${String(input)}\n${body}`,
                () => exchange(input, init),
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

/** A subgraph request body whose operation is a mutation: never shared. */
const MUTATION_BODY = /"query":\s*"\s*mutation\b/;

function isMutation(document: DocumentNode): boolean {
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
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
