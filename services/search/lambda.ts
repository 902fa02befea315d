/**
 * The search subgraph as a Lambda handler (API Gateway HTTP API v2 events). The index is built once per
 * container (from INSPRAAK_SEARCH_SNAPSHOT when set, else from DynamoDB) on the first request, and a
 * request that finds it older than INSPRAAK_SEARCH_REFRESH_MS first follows the change feed: a frozen
 * Lambda has no timers.
 */
import { registeredSubgraphLambda } from '../core/serve';
import { searchSubgraph } from './subgraph';

export const handler = registeredSubgraphLambda(searchSubgraph);
