/**
 * The search subgraph as a Lambda handler (API Gateway HTTP API v2 events). The index is built once per
 * container (from INSPRAAK_SEARCH_SNAPSHOT when set, else from DynamoDB) on the first request, and a
 * request that finds it older than INSPRAAK_SEARCH_REFRESH_MS first follows the change feed: a frozen
 * Lambda has no timers.
 */
import { createDynamo } from '../core/dynamo/client';
import { subgraphLambdaHandler } from '../core/serve';
import { searchConfig } from './config';
import { createSearchSubgraph, searchIndexOver } from './subgraph';

const config = searchConfig();
const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
const index = searchIndexOver(
  { doc, table: config.INSPRAAK_TABLE },
  {
    refreshIntervalMs: config.INSPRAAK_SEARCH_REFRESH_MS,
    overlapMs: config.INSPRAAK_SEARCH_OVERLAP_MS,
    ...(config.INSPRAAK_SEARCH_SNAPSHOT && { snapshotPath: config.INSPRAAK_SEARCH_SNAPSHOT }),
  },
);

export const handler = subgraphLambdaHandler(createSearchSubgraph(index));
