/** The proposals subgraph as a Lambda handler (API Gateway HTTP API v2 events), built once per container. */
import { createDynamo } from '../core/dynamo/client';
import { subgraphLambdaHandler } from '../core/serve';
import { subgraphConfig } from '../core/subgraphConfig';
import { createProposalsSubgraph } from './subgraph';

const config = subgraphConfig();
const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });

export const handler = subgraphLambdaHandler(createProposalsSubgraph({ doc, table: config.INSPRAAK_TABLE }));
