/**
 * `npm run subgraph -- <name>`: serves one registered subgraph (services/gateway/subgraphs.ts) as its own
 * HTTP server, for the HTTP topology: `DYNAMODB_ENDPOINT=… PORT=4001 npm run subgraph -- proposals`.
 */
import { startSubgraphServer } from '../services/core/serve';
import { SUBGRAPH_NAMES, subgraphNamed } from '../services/gateway/subgraphs';

const name = process.argv[2] ?? '';
const definition = subgraphNamed(name);
if (!definition) {
  console.error(`Usage: npm run subgraph -- <name>, where <name> is one of ${SUBGRAPH_NAMES.join(', ')}.`);
  process.exit(2);
}
startSubgraphServer(definition).then(
  (s) => {
    console.log(`${name} subgraph at ${s.url}`);
    const stop = () => void s.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (e: Error) => {
    console.error(e.message);
    process.exit(1);
  },
);
