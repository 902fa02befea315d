/** The proposals subgraph as a Lambda handler (API Gateway HTTP API v2 events), built once per container. */
import { registeredSubgraphLambda } from '../core/serve';
import { proposalsSubgraph } from './subgraph';

export const handler = registeredSubgraphLambda(proposalsSubgraph);
