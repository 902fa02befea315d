/**
 * The gateway as a Lambda handler for API Gateway HTTP API (payload v2) events. Clients, stores, the
 * server and the response cache are built once per container, at cold start, by the same factories as
 * the local server. Events are read and answers written by @as-integrations/aws-lambda's v2 request
 * handler; between them sits the response cache, as in server.ts.
 */
import { handlers } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createDynamo } from '../core/dynamo/client';
import { gatewayConfig } from './config';
import { loadTrustedDocuments } from './trustedDocuments';
import { createGatewayServer, createCaches, dataSources, supergraphSdl } from './gateway';
import { errorResult, lambdaGuard } from '../core/lambdaGuard';
import type { PlainResponse } from './exportBudget';
import { explorerPage, wantsExplorer } from './explorer';
import { answerPlain } from './plainRoutes';
import { matchRoute } from './routes';

const config = gatewayConfig();
const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
const db = { doc, table: config.INSPRAAK_TABLE };
const { responses: cache, fetches: fetchCache } = createCaches(db, config);
const apollo = createGatewayServer({
  supergraphSdl: supergraphSdl(config.INSPRAAK_SUPERGRAPH),
  dataSources: dataSources(db, config),
  partnerTimeoutMs: config.INSPRAAK_SUBGRAPH_TIMEOUT_MS,
  fetchCache,
  trustedDocuments: loadTrustedDocuments(config.INSPRAAK_TRUSTED_DOCUMENTS, config.INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST),
});
const events = handlers.createAPIGatewayProxyEventV2RequestHandler();
apollo.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();

async function graphql(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    const request = events.fromEvent(event);
    const response = await cache.serve(request, (context) =>
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context }),
    );
    return events.toSuccessResult(response);
  } catch (e) {
    return events.toErrorResult(e);
  }
}
const plain = { apollo, explorerDir: config.INSPRAAK_EXPLORER_DIR };

export const handler = async (
  event: APIGatewayProxyEventV2,
  _context: Context,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const method = event.requestContext.http.method;
  const search = event.rawQueryString ?? '';
  const headers = event.headers ?? {};
  if (wantsExplorer(method, event.rawPath, search, headers.accept)) return toResult(explorerPage(plain.explorerDir));
  // API Gateway only sends the routes of routes.ts; the same table decides which handler answers.
  const match = matchRoute(method, event.rawPath);
  if (match?.route.kind === 'plain') return toResult(await answerPlain(plain, match, { headers, search }));
  if (!match) {
    return errorResult('NOT_FOUND', `No route ${event.rawPath}. The GraphQL endpoint is /graphql.`);
  }
  return lambdaGuard(event, () => graphql(event));
};

/** A plain answer as API Gateway wants it: bytes in base64, a stream gathered (Lambda responses are buffered). */
async function toResult(out: PlainResponse): Promise<APIGatewayProxyStructuredResultV2> {
  let body = out.body;
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
    const chunks: (string | Buffer)[] = [];
    for await (const chunk of body) chunks.push(chunk);
    body = chunks.every((c) => typeof c === 'string')
      ? chunks.join('')
      : Buffer.concat(chunks.map((c) => Buffer.from(c)));
  }
  return Buffer.isBuffer(body)
    ? { statusCode: out.status, headers: out.headers, body: body.toString('base64'), isBase64Encoded: true }
    : { statusCode: out.status, headers: out.headers, body };
}
