/** The proposals subgraph as its own HTTP server (for the HTTP topology): `npm run subgraph:proposals`. */
import { createDynamo } from '../core/dynamo/client';
import { serveSubgraph } from '../core/serve';
import { subgraphConfig } from '../core/subgraphConfig';
import { createProposalsSubgraph } from './subgraph';

export async function startProposalsSubgraph(config = subgraphConfig()) {
  const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  return serveSubgraph(createProposalsSubgraph({ doc, table: config.INSPRAAK_TABLE }), config.PORT, config.HOST);
}

if (require.main === module) {
  startProposalsSubgraph().then(
    (s) => console.log(`proposals subgraph at ${s.url}`),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
