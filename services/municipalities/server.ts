/** The municipalities subgraph as its own HTTP server (for the HTTP topology): `npm run subgraph:municipalities`. */
import { createDynamo } from '../core/dynamo/client';
import { serveSubgraph } from '../core/serve';
import { subgraphConfig } from '../core/subgraphConfig';
import { createMunicipalitiesSubgraph } from './subgraph';

export async function startMunicipalitiesSubgraph(config = subgraphConfig()) {
  const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  return serveSubgraph(createMunicipalitiesSubgraph({ doc, table: config.INSPRAAK_TABLE }), config.PORT, config.HOST);
}

if (require.main === module) {
  startMunicipalitiesSubgraph().then(
    (s) => console.log(`municipalities subgraph at ${s.url}`),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
