/** The budgets subgraph as its own HTTP server (for the HTTP topology): `npm run subgraph:budgets`. */
import { createDynamo } from '../core/dynamo/client';
import { serveSubgraph } from '../core/serve';
import { subgraphConfig } from '../core/subgraphConfig';
import { createBudgetsSubgraph } from './subgraph';

export async function startBudgetsSubgraph(config = subgraphConfig()) {
  const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  return serveSubgraph(createBudgetsSubgraph({ doc, table: config.INSPRAAK_TABLE }), config.PORT, config.HOST);
}

if (require.main === module) {
  startBudgetsSubgraph().then(
    (s) => console.log(`budgets subgraph at ${s.url}`),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
