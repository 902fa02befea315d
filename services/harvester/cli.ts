/**
 * `npm run harvest [-- --source <id>]`: harvests the sources in INSPRAAK_SOURCES once into the table
 * (DYNAMODB_ENDPOINT, INSPRAAK_TABLE), printing a line per source. Exits 1 when any source failed.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors';
import { loadSources } from './config';
import { formatReport, harvestAll } from './harvestAll';
import { dynamoFor, harvestDeps, harvesterConfig } from './runtime';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { source: { type: 'string', multiple: true } }, strict: true });
  const config = harvesterConfig();
  if (!config.INSPRAAK_SOURCES)
    throw new ConfigError(
      'INSPRAAK_SOURCES is not set: expected the path of the sources JSON file (see README, "Harvesting").',
    );
  let sources = loadSources(config.INSPRAAK_SOURCES);
  const whole = !values.source?.length;
  if (values.source?.length) {
    const unknown = values.source.filter((id) => !sources.some((s) => s.id === id));
    if (unknown.length)
      throw new ConfigError(
        `No source ${unknown.join(', ')} in ${config.INSPRAAK_SOURCES}; it has ${sources.map((s) => s.id).join(', ')}.`,
      );
    sources = sources.filter((s) => values.source!.includes(s.id));
  }
  console.log(`Harvesting ${sources.length} source(s) into table ${config.INSPRAAK_TABLE}…`);
  const reports = await harvestAll(harvestDeps(dynamoFor(config)), sources, {
    concurrency: config.INSPRAAK_HARVEST_CONCURRENCY,
    retireAbsent: whole,
    onStart: (s) => console.log(`${s.id.padEnd(27)} harvesting ${s.baseUrl}`),
    onDone: (r) => console.log(formatReport(r)),
  });
  return reports.some((r) => r.state === 'FAILING') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  },
);
