/**
 * `npm run gateway`: the gateway alone, configured by the environment (README, "Configuration"), over an
 * existing table: e.g. the HTTP topology,
 * `DYNAMODB_ENDPOINT=… INSPRAAK_SUBGRAPH_URLS='{"proposals":"http://127.0.0.1:4001/graphql"}' npm run gateway`.
 */
import { ConfigError } from '../services/core/errors';
import { gatewayConfig } from '../services/gateway/config';
import { inProcessSubgraphs } from '../services/gateway/gateway';
import { startGateway } from '../services/gateway/server';

async function main() {
  const config = gatewayConfig();
  const running = await startGateway(config);
  const local = inProcessSubgraphs(config);
  console.log(`Gateway at ${running.url} (subgraphs in-process: ${local.length ? local.join(', ') : 'none'})`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `The gateway could not start: ${String(e)}`);
  process.exit(1);
});
