/**
 * `npm run bench:coldstart -- [--runs 5] [--variants cache,rejected,plain] [--search-items N] [--no-source-maps] [--cpu-prof DIR] [--keep]`:
 * the gateway Lambda's cold start, measured locally on the bundle as CDK deploys it: esbuild with the
 * deployed options (infra/bundling.ts), then the same afterBundling commands as the construct (the files
 * beside the bundle and the V8 code cache, infra/codeCache.ts). It prepares DynamoDB Local with the
 * municipality registry, then, for each run, spawns a fresh `node` with the flags Lambda's bootstrap uses
 * for the gateway's memory size, loads the bundle, answers the README's example query through the handler,
 * and times spawn → answer. The variants alternate inside one run (a shared machine's load hits each alike):
 *
 * - `cache`: the shipped folder; the code cache is accepted (same Node build and flags as the producer);
 * - `rejected`: the same folder with a cache V8 rejects (as from another Node patch release or CPU):
 *   what a cold start costs when the cache does not fit;
 * - `plain`: the bundle as index.js without loader or cache (how every function was bundled before).
 *
 * Prints every run, each variant's median and max (wall and CPU) and its ratio to the first variant; the
 * line `Cold start … median N ms` is the first variant's. The query plan visits all three subgraphs and
 * each queries DynamoDB; without harvested data the proposal and budget lists are empty, which changes
 * the first query's time by a few milliseconds, not the cold start.
 *
 * With `--search-items N` it also measures a cold search at national scale, in the single topology: a
 * snapshot of N generated items (scripts/searchData.ts) in a local S3 (s3rver) bucket, which the gateway
 * downloads and restores at init as on Lambda; each run spawns a fresh node and times spawn → the first
 * answered search, alternating with the runs above, and prints `cold search: median N ms` and the
 * process's memory (RSS and V8 heap) once it has answered.
 *
 * What it leaves out: Lambda's own sandbox start and code download (≈100–200 ms, outside our control)
 * and a Lambda's CPU share (the gateway has 1769 MB, one full vCPU) compared with this machine.
 */
import { build } from 'esbuild';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoLocal } from '../dev/dynamoLocal';
import { EXAMPLE_QUERY } from '../dev/exampleQuery';
import { createDynamo } from '../services/core/dynamo/client';
import { ensureTable } from '../services/core/dynamo/table';
import { ensureRegistry } from '../services/core/registry';
import { copyCommands, esbuildOptions } from '../infra/bundling';
import { httpApiEvent } from '../infra/apiEvents';
import { codeCacheCommand, lambdaNodeFlags } from '../infra/codeCache';
import { REPO_ROOT } from '../infra/settings';
import { GATEWAY_ENTRY, GATEWAY_WARM_UP, gatewayBundleFiles } from '../infra/constructs/bundleFiles';
import { GATEWAY_MEMORY_MB } from '../infra/constructs/GraphqlGateway';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { postingsEngines } from '../services/search/engine/postingsEngine';
import { writeSearchSnapshot } from '../services/search/LiveSearchIndex';
import { generate } from './searchData';

const TABLE = 'inspraak-bench';
const VARIANTS = ['cache', 'rejected', 'plain'] as const;
type Variant = (typeof VARIANTS)[number];

/** What Lambda's Node runtime does, in short: load the bundle, call the handler once, report. */
const RUNNER = `
const loading = performance.now();
const fn = require(process.argv[2]);
const loaded = performance.now();
const event = JSON.parse(process.argv[3]);
const context = { awsRequestId: 'bench', functionName: 'gateway', getRemainingTimeInMillis: () => 15000, callbackWaitsForEmptyEventLoop: true };
fn.handler(event, context).then((r) => {
  const cpu = process.cpuUsage();
  const m = process.memoryUsage();
  const timing = { bootMs: loading, loadMs: loaded - loading, queryMs: performance.now() - loaded, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 };
  process.stdout.write(JSON.stringify({ ...r, timing, codeCache: fn.codeCacheStatus ?? 'none' }) + '\\n');
  process.exit(0);
}, (e) => { console.error(e); process.exit(1); });
`;

interface Timing {
  bootMs: number;
  loadMs: number;
  queryMs: number;
  cpuMs: number;
  rssMb: number;
  heapMb: number;
}
interface Run {
  ms: number;
  status: number;
  body: string;
  timing: Timing;
  codeCache: string;
}

function runOnce(
  dir: string,
  runner: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[],
  payload: string,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, runner, join(dir, 'index.js'), payload], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const r = JSON.parse(out) as { statusCode: number; body: string; timing: Timing; codeCache: string };
        resolve({ ms, status: r.statusCode, body: r.body, timing: r.timing, codeCache: r.codeCache });
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the handler process exited with ${code}:\n${err.slice(-2000)}`));
    });
  });
}

/** [median, max]; the upper median for an even count. */
function stats(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[Math.floor(sorted.length / 2)]!, sorted.at(-1)!];
}

function dirSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

/** The gateway's asset folder as CDK builds it: esbuild, then the construct's afterBundling commands. */
async function bundleGateway(dir: string): Promise<void> {
  await build(esbuildOptions(GATEWAY_ENTRY, join(dir, 'index.js')));
  const commands = [
    ...copyCommands(REPO_ROOT, dir, gatewayBundleFiles()),
    codeCacheCommand(dir, GATEWAY_MEMORY_MB, GATEWAY_WARM_UP),
  ];
  execFileSync('bash', ['-euc', commands.join('\n')], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** The search the cold-search runs ask: a word many generated items hold; only the search subgraph answers it. */
const SEARCH = {
  query: 'query($q: String!) { search(query: $q, first: 10) { totalCount edges { node { __typename } } } }',
  variables: { q: 'fietsenstalling' },
};
const SNAPSHOT_BUCKET = 'inspraak-bench-snapshots';

/**
 * A local S3 (s3rver, as test/deployed uses) holding a search snapshot of `items` generated items under
 * the key the gateway reads by default. Returns its endpoint, the snapshot's size and a stop function.
 */
async function snapshotInS3(
  root: string,
  items: number,
): Promise<{ endpoint: string; bytes: number; stop: () => Promise<void> }> {
  const t0 = Date.now();
  const engine = postingsEngines.create();
  engine.upsert(generate(items).docs);
  const file = join(root, 'search.snapshot');
  // The feed position is now: the gateway catches up from the (empty) change feed, as after a fresh snapshot.
  const now = new Date().toISOString();
  await writeSearchSnapshot(file, engine, { watermark: { proposal: now, project: now }, budgetDates: new Map() });
  const s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(root, 's3') });
  const { port } = await s3rver.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const s3 = new S3Client({
    region: 'eu-west-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const body = readFileSync(file);
  await s3.send(new CreateBucketCommand({ Bucket: SNAPSHOT_BUCKET }));
  await s3.send(new PutObjectCommand({ Bucket: SNAPSHOT_BUCKET, Key: 'search/index.snapshot', Body: body }));
  s3.destroy();
  console.log(
    `Search snapshot of ${items} generated items: ${(body.length / 1e6).toFixed(1)} MB in ${Date.now() - t0} ms`,
  );
  return { endpoint, bytes: body.length, stop: () => s3rver.close() };
}

/** A copy of the shipped folder for `variant`. */
function variantFolder(shipped: string, variant: Variant): string {
  if (variant === 'cache') return shipped;
  const dir = `${shipped}-${variant}`;
  cpSync(shipped, dir, { recursive: true });
  if (variant === 'rejected') {
    // V8's code cache header: magic number, then the V8 version hash. Another version: rejected.
    const cache = readFileSync(join(dir, 'main.js.v8cache'));
    cache[4] = cache[4]! ^ 0xff;
    writeFileSync(join(dir, 'main.js.v8cache'), cache);
  } else {
    rmSync(join(dir, 'index.js'));
    rmSync(join(dir, 'main.js.v8cache'));
    writeFileSync(
      join(dir, 'index.js'),
      readFileSync(join(dir, 'main.js'), 'utf8').replace(/main\.js\.map\s*$/, 'index.js.map\n'),
    );
    rmSync(join(dir, 'main.js'));
    renameSync(join(dir, 'main.js.map'), join(dir, 'index.js.map'));
  }
  return dir;
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      variants: { type: 'string', default: VARIANTS.join(',') },
      'no-source-maps': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      keep: { type: 'boolean', default: false },
      'search-items': { type: 'string' },
    },
  });
  const searchItems = values['search-items'] ? Number(values['search-items']) : 0;
  const runs = Number(values.runs);
  const sourceMaps = !values['no-source-maps'];
  const variants = values.variants.split(',') as Variant[];
  for (const v of variants)
    if (!VARIANTS.includes(v)) throw new Error(`Unknown variant ${v}; expected ${VARIANTS.join(', ')}`);
  const root = mkdtempSync(join(tmpdir(), 'inspraak-coldstart-'));
  const shipped = join(root, 'gateway');
  const ddb = await startDynamoLocal();
  const stops: (() => Promise<void> | undefined)[] = [];
  try {
    const t0 = Date.now();
    await bundleGateway(shipped);
    const size = (f: string) => `${(statSync(join(shipped, f)).size / 1e6).toFixed(2)} MB`;
    console.log(
      `Bundled ${GATEWAY_ENTRY} as CDK does in ${Date.now() - t0} ms: main.js ${size('main.js')}, main.js.v8cache ${size('main.js.v8cache')}, folder ${(dirSize(shipped) / 1e6).toFixed(2)} MB (${shipped})`,
    );
    const folders = Object.fromEntries(variants.map((v) => [v, variantFolder(shipped, v)])) as Record<Variant, string>;
    const runner = join(root, 'runner.cjs');
    writeFileSync(runner, RUNNER);

    const { raw, doc } = createDynamo({ region: 'eu-west-1', endpoint: ddb.endpoint });
    await ensureTable(raw, TABLE);
    await ensureRegistry(doc, TABLE);
    raw.destroy();

    const search = searchItems ? await snapshotInS3(root, searchItems) : undefined;
    stops.push(() => search?.stop());
    const payload = JSON.stringify(httpApiEvent(JSON.stringify({ query: EXAMPLE_QUERY })));
    const searchPayload = JSON.stringify(httpApiEvent(JSON.stringify(SEARCH)));
    const searches = new Map<Variant, Run[]>(variants.map((v) => [v, []]));
    // node as Lambda's bootstrap starts it for the gateway's memory size; NODE_OPTIONS as the construct sets it.
    const nodeArgs = [
      ...lambdaNodeFlags(GATEWAY_MEMORY_MB),
      ...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : []),
    ];
    const results = new Map<Variant, Run[]>(variants.map((v) => [v, []]));
    for (let i = 1; i <= runs; i++) {
      for (const variant of variants) {
        const dir = folders[variant];
        // The deployed environment (infra/constructs/GraphqlGateway.ts), with this folder standing in
        // for /var/task and DynamoDB Local for DynamoDB.
        const env: NodeJS.ProcessEnv = {
          PATH: process.env.PATH,
          AWS_REGION: 'eu-west-1',
          INSPRAAK_TABLE: TABLE,
          DYNAMODB_ENDPOINT: ddb.endpoint,
          INSPRAAK_SCHEMA_DIR: join(dir, 'schema'),
          INSPRAAK_SUPERGRAPH: join(dir, 'supergraph.graphql'),
          INSPRAAK_EXPLORER_DIR: join(dir, 'explorer'),
          INSPRAAK_SUBGRAPH_TIMEOUT_MS: '5000',
          APOLLO_TELEMETRY_DISABLED: '1',
          LOG_LEVEL: 'error',
          NODE_OPTIONS: sourceMaps ? '--enable-source-maps' : '',
          // The Lambda runtime provides the AWS SDK v3 (external to the bundle) on NODE_PATH; here, ours.
          NODE_PATH: join(REPO_ROOT, 'node_modules'),
        };
        const r = await runOnce(dir, runner, env, nodeArgs, payload);
        const parsed = JSON.parse(r.body) as { data?: { municipality?: { name?: string } }; errors?: unknown[] };
        if (r.status !== 200 || parsed.errors || !parsed.data?.municipality?.name)
          throw new Error(`run ${i} (${variant}) did not answer the query: ${r.status} ${r.body.slice(0, 500)}`);
        results.get(variant)!.push(r);
        const t = r.timing;
        console.log(
          `run ${i} ${variant.padEnd(8)}: ${r.ms.toFixed(0)} ms (node boot ${t.bootMs.toFixed(0)}, load + init ${t.loadMs.toFixed(0)}, first query ${t.queryMs.toFixed(0)}; CPU ${t.cpuMs.toFixed(0)} ms; code cache ${r.codeCache}) HTTP ${r.status}`,
        );
        if (!search) continue;
        // The gateway of the single topology with a snapshot bucket (GraphqlGateway.ts): it downloads the
        // snapshot to INSPRAAK_SEARCH_SNAPSHOT (/tmp on Lambda) and restores it at init.
        const snapshotPath = join(root, `run-${i}-${variant}.snapshot`);
        const s = await runOnce(
          dir,
          runner,
          {
            ...env,
            INSPRAAK_SEARCH_SNAPSHOT_BUCKET: SNAPSHOT_BUCKET,
            INSPRAAK_SEARCH_SNAPSHOT: snapshotPath,
            AWS_ENDPOINT_URL_S3: search.endpoint,
            AWS_ACCESS_KEY_ID: 'S3RVER',
            AWS_SECRET_ACCESS_KEY: 'S3RVER',
          },
          nodeArgs,
          searchPayload,
        );
        rmSync(snapshotPath, { force: true });
        const found = JSON.parse(s.body) as { data?: { search?: { totalCount?: number } }; errors?: unknown[] };
        if (s.status !== 200 || found.errors || !found.data?.search?.totalCount)
          throw new Error(
            `run ${i} (${variant}) did not find "${SEARCH.variables.q}": ${s.status} ${s.body.slice(0, 500)}`,
          );
        searches.get(variant)!.push(s);
        console.log(
          `run ${i} ${variant.padEnd(8)} search: ${s.ms.toFixed(0)} ms (load + init ${s.timing.loadMs.toFixed(0)}, first search ${s.timing.queryMs.toFixed(0)}; CPU ${s.timing.cpuMs.toFixed(0)} ms; RSS ${s.timing.rssMb.toFixed(0)} MB, heap ${s.timing.heapMb.toFixed(0)} MB) ${found.data.search.totalCount} hits`,
        );
      }
    }
    const load = `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
    const [first] = variants;
    const base = stats(results.get(first!)!.map((r) => r.ms))[0];
    const baseCpu = stats(results.get(first!)!.map((r) => r.timing.cpuMs))[0];
    for (const variant of variants) {
      const rs = results.get(variant)!;
      const [median, max] = stats(rs.map((r) => r.ms));
      const [cpuMedian] = stats(rs.map((r) => r.timing.cpuMs));
      const [loadMedian] = stats(rs.map((r) => r.timing.loadMs));
      const [queryMedian] = stats(rs.map((r) => r.timing.queryMs));
      console.log(
        `${variant.padEnd(8)}: median ${median.toFixed(0)} ms (×${(median / base).toFixed(2)}), max ${max.toFixed(0)} ms; load + init ${loadMedian.toFixed(0)} ms, first query ${queryMedian.toFixed(0)} ms; CPU median ${cpuMedian.toFixed(0)} ms (×${(cpuMedian / baseCpu).toFixed(2)})`,
      );
    }
    const [median, max] = stats(results.get(first!)!.map((r) => r.ms));
    console.log(
      `Cold start, spawn → first answered query (${first}, ${runs} runs, source maps ${sourceMaps ? 'on' : 'off'}, ${load}): median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms; CPU time median ${baseCpu.toFixed(0)} ms`,
    );
    if (search) {
      for (const variant of variants) {
        const rs = searches.get(variant)!;
        const [m, mx] = stats(rs.map((r) => r.ms));
        const [cpuM] = stats(rs.map((r) => r.timing.cpuMs));
        const [rss, rssMax] = stats(rs.map((r) => r.timing.rssMb));
        const [heap] = stats(rs.map((r) => r.timing.heapMb));
        console.log(
          `${variant.padEnd(8)} cold search: median ${m.toFixed(0)} ms, max ${mx.toFixed(0)} ms; CPU median ${cpuM.toFixed(0)} ms; RSS median ${rss.toFixed(0)} MB (max ${rssMax.toFixed(0)}), V8 heap ${heap.toFixed(0)} MB`,
        );
      }
      const [m, mx] = stats(searches.get(first!)!.map((r) => r.ms));
      const [rss] = stats(searches.get(first!)!.map((r) => r.timing.rssMb));
      console.log(
        `Cold search from a snapshot of ${searchItems} items (${(search.bytes / 1e6).toFixed(1)} MB), spawn → first answered search (${first}, ${runs} runs, ${load}): cold search: median ${m.toFixed(0)} ms, max ${mx.toFixed(0)} ms; RSS ${rss.toFixed(0)} MB`,
      );
    }
  } finally {
    for (const stop of stops) await stop();
    await ddb.stop();
    if (values.keep) console.log(`Kept the bundle folders in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
