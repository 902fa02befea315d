/**
 * The gateway as a Lambda handler for API Gateway HTTP API (payload v2) events. Clients, stores and the
 * server are built once per container, at cold start, by the same factory as the local server.
 */
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createDynamo } from '../core/dynamo/client';
import { gatewayConfig } from './config';
import { createGatewayServer, dataSources, supergraphSdl } from './gateway';
import { lambdaGuard } from '../core/lambdaGuard';
import { answerPlain } from './plainRoutes';
import { matchRoute } from './routes';

const config = gatewayConfig();
const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
const apollo = createGatewayServer({
  supergraphSdl: supergraphSdl(config.INSPRAAK_SUPERGRAPH),
  dataSources: dataSources({ doc, table: config.INSPRAAK_TABLE }, config),
});
const graphql = startServerAndCreateLambdaHandler(apollo, handlers.createAPIGatewayProxyEventV2RequestHandler());

export const handler = async (
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> => {
  // API Gateway only sends the routes of routes.ts; the same table decides which handler answers.
  const match = matchRoute(event.requestContext.http.method, event.rawPath);
  if (match?.route.kind === 'plain') {
    const out = await answerPlain(apollo, match);
    return { statusCode: out.status, headers: out.headers, body: out.body };
  }
  if (!match) {
    return {
      statusCode: 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        errors: [
          {
            message: `No route ${event.rawPath}. The GraphQL endpoint is /graphql.`,
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      }),
    };
  }
  return lambdaGuard(
    event,
    () => graphql(event, context, () => undefined) as Promise<APIGatewayProxyStructuredResultV2>,
  );
};
