/** The search subgraph as its own HTTP server: `npm run subgraph:search`. Refreshes the index on a timer. */
import { createDynamo } from '../core/dynamo/client';
import { serveSubgraph } from '../core/serve';
import { searchConfig } from './config';
import { createSearchSubgraph, searchIndexOver } from './subgraph';

export async function startSearchSubgraph(config = searchConfig()) {
  const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const index = searchIndexOver(
    { doc, table: config.INSPRAAK_TABLE },
    {
      refreshIntervalMs: config.INSPRAAK_SEARCH_REFRESH_MS,
      overlapMs: config.INSPRAAK_SEARCH_OVERLAP_MS,
      ...(config.INSPRAAK_SEARCH_SNAPSHOT && { snapshotPath: config.INSPRAAK_SEARCH_SNAPSHOT }),
    },
  );
  // Load before serving, so the first search does not wait for it.
  await index.load();
  const stopRefreshing = index.start();
  const running = await serveSubgraph(createSearchSubgraph(index), config.PORT, config.HOST);
  return { ...running, index, stopRefreshing };
}

if (require.main === module) {
  startSearchSubgraph().then(
    (s) => console.log(`search subgraph at ${s.url}`),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
