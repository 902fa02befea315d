/**
 * `npm start`: the local sandbox. Starts DynamoDB Local (in memory, or in --data-dir), creates the
 * table, loads the municipality registry, starts seven simulated installations (two each of CONSUL,
 * Decidim and OpenStad, and a host of Pabulib files; or uses the real ones in INSPRAAK_SOURCES), harvests them, serves the gateway
 * with every subgraph in-process at http://localhost:4000/graphql (PORT overrides), and harvests again
 * on an interval. Ctrl-C stops all of it.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { join } from 'node:path';
import { millisVar, parseConfig, portVar } from '../services/core/config';
import { loadSources } from '../services/harvester/config';
import { formatReport, harvestAll } from '../services/harvester/harvestAll';
import { harvestDeps } from '../services/harvester/runtime';
import { startInstallations, type Installation } from './installations';
import { createDynamo } from '../services/core/dynamo/client';
import { ensureTable } from '../services/core/dynamo/table';
import { ConfigError } from '../services/core/errors';
import { ensureRegistry } from '../services/core/registry';
import { gatewayConfig } from '../services/gateway/config';
import { inProcessSubgraphs } from '../services/gateway/gateway';
import { startGateway } from '../services/gateway/server';
import { startDynamoLocal, type DynamoLocal } from './dynamoLocal';
import { EXAMPLE_QUERY } from './exampleQuery';

const sandboxConfigSchema = z.object({
  PORT: portVar(4000),
  INSPRAAK_DATA_DIR: z.string().min(1).optional(),
  /** A sources file of real installations; without it the sandbox runs and harvests its own simulated ones. */
  INSPRAAK_SOURCES: z.string().min(1).optional(),
  /** How often to harvest again after the first harvest at start. */
  INSPRAAK_HARVEST_INTERVAL_MS: millisVar(15 * 60_000, 24 * 3_600_000),
});

const SANDBOX_SOURCES = join(__dirname, 'sources.json');

async function main() {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(
      "Usage: npm start [-- --data-dir <dir>]\n  --data-dir  keep DynamoDB Local's data in <dir> across restarts (default: in memory)",
    );
    return;
  }
  const sandbox = parseConfig(sandboxConfigSchema, process.env);
  const dataDir = values['data-dir'] ?? sandbox.INSPRAAK_DATA_DIR;

  let ddb: DynamoLocal | undefined;
  let stopGateway: (() => Promise<void>) | undefined;
  let installations: Installation[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the sandbox…');
    clearInterval(timer);
    await stopGateway?.().catch(() => undefined);
    await Promise.all(installations.map((i) => i.server.close().catch(() => undefined)));
    await ddb?.stop().catch(() => undefined);
    console.log(
      `Stopped the gateway, ${installations.length ? 'the simulated installations ' : ''}and DynamoDB Local.`,
    );
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    ddb = await startDynamoLocal(dataDir ? { dataDir } : {});
    console.log(
      `DynamoDB Local      ${ddb.endpoint} (pid ${ddb.pid}, ${dataDir ? `data in ${dataDir}` : 'in memory'})`,
    );
    const config = gatewayConfig({ ...process.env, DYNAMODB_ENDPOINT: ddb.endpoint, PORT: String(sandbox.PORT) });
    const { raw, doc } = createDynamo({ region: config.AWS_REGION, endpoint: ddb.endpoint });
    const db = { doc, table: config.INSPRAAK_TABLE };
    const table = await ensureTable(raw, db.table);
    console.log(`Table               ${db.table} (${table})`);
    const registry = await ensureRegistry(doc, db.table);
    console.log(`Registry            342 municipalities (${registry.written ? 'loaded' : 'already present'})`);
    const sourcesFile = sandbox.INSPRAAK_SOURCES ?? SANDBOX_SOURCES;
    const sources = loadSources(sourcesFile);
    if (!sandbox.INSPRAAK_SOURCES) {
      installations = await startInstallations(sources);
      for (const i of installations) console.log(`Installation        ${i.server.url} (${i.name}, simulated)`);
    }
    console.log(`Harvesting          ${sources.length} sources from ${sourcesFile}`);
    const deps = harvestDeps(db);
    const harvest = async () => {
      const reports = await harvestAll(deps, sources, {
        retireAbsent: true,
        onDone: (r) => console.log(`  ${formatReport(r)}`),
      });
      return reports;
    };
    await harvest();
    timer = setInterval(
      () => void harvest().catch((e: unknown) => console.error(`Harvest failed: ${String(e)}`)),
      sandbox.INSPRAAK_HARVEST_INTERVAL_MS,
    );
    const gateway = await startGateway(config);
    stopGateway = gateway.close;
    const url = gateway.url.replace('127.0.0.1', 'localhost');
    console.log(`Gateway             ${url} (subgraphs in-process: ${inProcessSubgraphs(config).join(', ')})`);
    console.log(
      `Next harvest        every ${Math.round(sandbox.INSPRAAK_HARVEST_INTERVAL_MS / 60_000)} min (INSPRAAK_HARVEST_INTERVAL_MS)`,
    );
    console.log(`\nOpen ${url} in a browser for the API explorer (GraphiQL, served by the gateway itself), or try:\n`);
    console.log(
      `curl -s ${url} -H 'content-type: application/json' \\\n  --data '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'\n`,
    );
    console.log('Press Ctrl-C to stop.');
  } catch (e) {
    console.error(
      e instanceof ConfigError
        ? e.message
        : `The sandbox could not start: ${e instanceof Error ? e.message : String(e)}`,
    );
    await stop(1);
  }
}

main().catch((e: unknown) => {
  // Bad arguments or configuration, before anything was started.
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
