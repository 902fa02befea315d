/**
 * `npm run bench:harvest [-- <n>]`: items per second harvested into DynamoDB Local from a simulated
 * installation of n proposals (default 10,000), per platform: the first harvest (every item new) and a
 * second one (nothing changed, nothing written). Pabulib has no proposals: its case is one `.pb` file of
 * n ballots (one budget of 8 projects), so its items/s is not comparable; its seconds are. The rate limit is lifted so that the figure measures
 * Inspraak, not politeness; against a real installation the per-source rate limit dominates
 * (60 requests a minute: 10,000 OpenStad proposals in 100 pages take 100 s of waiting alone).
 */
import { startDynamoLocal } from '../dev/dynamoLocal';
import { generateConsulSeed, startConsulSimulator } from '../dev/simulators/consul';
import { generateDecidimSeed, startDecidimSimulator } from '../dev/simulators/decidim';
import { generateOpenstadSeed, startOpenstadSimulator } from '../dev/simulators/openstad';
import { generatePabulibSeed, startPabulibSimulator } from '../dev/simulators/pabulib';
import type { SimServer } from '../dev/simulators/simServer';
import { createDynamo } from '../services/core/dynamo/client';
import { ensureTable } from '../services/core/dynamo/table';
import { ensureRegistry } from '../services/core/registry';
import { parseSources } from '../services/harvester/config';
import { harvestSource } from '../services/harvester/harvestSource';
import { PoliteHttpClient } from '../services/harvester/http/HttpClient';
import { harvestDeps } from '../services/harvester/runtime';

async function main() {
  const n = Number(process.argv[2] ?? 10_000);
  process.env.LOG_LEVEL = 'warn';
  const ddb = await startDynamoLocal();
  const { raw, doc } = createDynamo({ region: 'eu-west-1', endpoint: ddb.endpoint });
  const db = { doc, table: 'bench' };
  await ensureTable(raw, db.table);
  await ensureRegistry(doc, db.table);
  const requests = new Map<string, PoliteHttpClient>();
  const deps = harvestDeps(db, {
    http: (s) => {
      const c = new PoliteHttpClient({
        baseUrl: s.baseUrl,
        timeoutMs: 30_000,
        maxResponseBytes: 200 * 1024 * 1024,
        requestsPerMinute: 600_000,
      });
      requests.set(s.id, c);
      return c;
    },
  });

  const cases: [string, () => Promise<SimServer>, (url: string) => unknown][] = [
    [
      'OpenStad headless',
      () => startOpenstadSimulator({ seed: generateOpenstadSeed(n) }),
      (url) => ({
        id: 'bench-openstad',
        municipality: 'GM0363',
        platform: 'openstad',
        baseUrl: url,
        projectId: 1,
        generation: 'headless',
      }),
    ],
    [
      'Decidim 0.31',
      () =>
        startDecidimSimulator({
          version: '0.31',
          seed: (url) => generateDecidimSeed(n, url),
          rateLimitPerMinute: 1_000_000,
        }),
      (url) => ({ id: 'bench-decidim', municipality: 'GM0599', platform: 'decidim', baseUrl: url }),
    ],
    [
      'CONSUL 2.4.1',
      () => startConsulSimulator({ seed: generateConsulSeed(n) }),
      (url) => ({ id: 'bench-consul', municipality: 'GM0106', platform: 'consul', baseUrl: url }),
    ],
    [
      'Pabulib (ballots)',
      () => startPabulibSimulator({ seed: generatePabulibSeed(n) }),
      (url) => ({
        id: 'bench-pabulib',
        municipality: 'GM0106',
        platform: 'pabulib',
        baseUrl: url,
        files: Object.keys(generatePabulibSeed(1).files),
        requestsPerMinute: 600,
      }),
    ],
  ];
  console.log(`Harvesting ${n} proposals per platform into DynamoDB Local (${ddb.endpoint})\n`);
  console.log('platform            run     items  written  seconds  items/s  requests');
  for (const [name, start, config] of cases) {
    const sim = await start();
    const [source] = parseSources([config(sim.url)], 'bench');
    for (const run of ['first', 'second']) {
      const t = process.hrtime.bigint();
      const r = await harvestSource(deps, source!);
      const s = Number(process.hrtime.bigint() - t) / 1e9;
      if (r.state !== 'OK') throw new Error(`${name}: ${r.state} ${r.error}`);
      const items = r.counts.proposals + r.counts.budgets + r.counts.budgetProjects;
      console.log(
        `${name.padEnd(19)} ${run.padEnd(6)} ${String(items).padStart(6)} ${String(r.written).padStart(8)} ${s.toFixed(1).padStart(8)} ${String(Math.round(items / s)).padStart(8)} ${String(requests.get(source!.id)!.requests).padStart(9)}`,
      );
    }
    await sim.close();
  }
  await ddb.stop();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
