/**
 * `npx tsx scripts/bench-coldstart.ts [--runs 5] [--no-source-maps]`: the gateway Lambda's cold start,
 * measured locally. Bundles services/gateway/lambda.ts with esbuild exactly as CDK deploys it
 * (infra/bundling.ts), prepares DynamoDB Local with the municipality registry, then, for each run,
 * spawns a fresh `node` that loads the bundle and answers the README's example query through the
 * handler, and times spawn → answer. Prints every run, the median and the max. The query plan visits
 * all three subgraphs and each queries DynamoDB; without harvested data the proposal and budget lists
 * are empty, which changes the first query's time by a few milliseconds, not the cold start.
 *
 * What it leaves out: Lambda's own sandbox start and code download (≈100–200 ms, outside our control)
 * and the lower CPU share of a Lambda (1024 MB ≈ 0.6 vCPU) compared with this machine.
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoLocal } from '../dev/dynamoLocal';
import { EXAMPLE_QUERY } from '../dev/exampleQuery';
import { createDynamo } from '../services/core/dynamo/client';
import { ensureTable } from '../services/core/dynamo/table';
import { ensureRegistry } from '../services/core/registry';
import { esbuildOptions } from '../infra/bundling';
import { REPO_ROOT } from '../infra/settings';
import { GATEWAY_ENTRY, gatewayBundleFiles } from '../infra/constructs/bundleFiles';

const TABLE = 'inspraak-bench';

/** A minimal API Gateway HTTP API (v2) event, as the deployed gateway receives it. */
function event(query: string) {
  const body = JSON.stringify({ query });
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.example',
      domainPrefix: 'bench',
      requestId: 'bench',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    },
    body,
    isBase64Encoded: false,
  };
}

/** What Lambda's Node runtime does, in short: load the bundle, call the handler once, report. */
const RUNNER = `
const loading = performance.now();
const { handler } = require(process.argv[2]);
const loaded = performance.now();
const event = JSON.parse(process.argv[3]);
const context = { awsRequestId: 'bench', functionName: 'gateway', getRemainingTimeInMillis: () => 15000, callbackWaitsForEmptyEventLoop: true };
handler(event, context).then((r) => {
  const cpu = process.cpuUsage();
  const timing = { bootMs: loading, loadMs: loaded - loading, queryMs: performance.now() - loaded, cpuMs: (cpu.user + cpu.system) / 1000 };
  process.stdout.write(JSON.stringify({ ...r, timing }) + '\\n');
  process.exit(0);
}, (e) => { console.error(e); process.exit(1); });
`;

interface Timing {
  bootMs: number;
  loadMs: number;
  queryMs: number;
  cpuMs: number;
}

function runOnce(
  dir: string,
  env: NodeJS.ProcessEnv,
  sourceMaps: boolean,
  payload: string,
): Promise<{ ms: number; status: number; body: string; timing: Timing }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(dir, 'runner.cjs'), join(dir, 'index.js'), payload], {
      env: { ...env, NODE_OPTIONS: sourceMaps ? '--enable-source-maps' : '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const r = JSON.parse(out) as { statusCode: number; body: string; timing: Timing };
        resolve({ ms, status: r.statusCode, body: r.body, timing: r.timing });
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

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, 'no-source-maps': { type: 'boolean', default: false } },
  });
  const runs = Number(values.runs);
  const sourceMaps = !values['no-source-maps'];
  const dir = mkdtempSync(join(tmpdir(), 'inspraak-coldstart-'));
  const ddb = await startDynamoLocal();
  try {
    const t0 = Date.now();
    await build(esbuildOptions(GATEWAY_ENTRY, join(dir, 'index.js')));
    for (const [from, to] of gatewayBundleFiles()) {
      const target = join(dir, to);
      const glob = /^(.*)\/\*([^/]*)$/.exec(from); // `dir/*.graphql`, `dir/*`: the files of dir with that ending
      if (glob) {
        mkdirSync(target, { recursive: true });
        const src = join(REPO_ROOT, glob[1]!);
        for (const f of readdirSync(src).filter((n) => n.endsWith(glob[2]!))) cpSync(join(src, f), join(target, f));
      } else {
        cpSync(join(REPO_ROOT, from), target);
      }
    }
    writeFileSync(join(dir, 'runner.cjs'), RUNNER);
    console.log(
      `Bundled ${GATEWAY_ENTRY} in ${Date.now() - t0} ms: index.js ${(statSync(join(dir, 'index.js')).size / 1e6).toFixed(2)} MB, folder ${(dirSize(dir) / 1e6).toFixed(2)} MB (${dir})`,
    );

    const { raw, doc } = createDynamo({ region: 'eu-west-1', endpoint: ddb.endpoint });
    await ensureTable(raw, TABLE);
    await ensureRegistry(doc, TABLE);
    raw.destroy();

    // The deployed environment (infra/constructs/GraphqlApi.ts), with the paths of this bundle and
    // DynamoDB Local standing in for /var/task and DynamoDB.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-west-1',
      INSPRAAK_TABLE: TABLE,
      DYNAMODB_ENDPOINT: ddb.endpoint,
      INSPRAAK_SCHEMA_DIR: join(dir, 'schema'),
      INSPRAAK_SUPERGRAPH: join(dir, 'supergraph.graphql'),
      INSPRAAK_SUBGRAPH_TIMEOUT_MS: '5000',
      APOLLO_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      // The Lambda runtime provides the AWS SDK v3 (external to the bundle) on NODE_PATH; here, ours.
      NODE_PATH: join(__dirname, '..', 'node_modules'),
    };
    const payload = JSON.stringify(event(EXAMPLE_QUERY));
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const r = await runOnce(dir, env, sourceMaps, payload);
      const parsed = JSON.parse(r.body) as { data?: { municipality?: { name?: string } }; errors?: unknown[] };
      if (r.status !== 200 || parsed.errors || !parsed.data?.municipality?.name)
        throw new Error(`run ${i} did not answer the query: ${r.status} ${r.body.slice(0, 500)}`);
      times.push(r.ms);
      cpu.push(r.timing.cpuMs);
      const t = r.timing;
      console.log(
        `run ${i}: ${r.ms.toFixed(0)} ms (node boot ${t.bootMs.toFixed(0)}, load + init ${t.loadMs.toFixed(0)}, first query ${t.queryMs.toFixed(0)}; CPU ${t.cpuMs.toFixed(0)} ms) HTTP ${r.status}, ${parsed.data.municipality.name}`,
      );
    }
    const [median, max] = stats(times);
    const [cpuMedian, cpuMax] = stats(cpu);
    console.log(
      `Cold start, spawn → first answered query (${runs} runs, source maps ${sourceMaps ? 'on' : 'off'}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs): median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms; CPU time median ${cpuMedian.toFixed(0)} ms, max ${cpuMax.toFixed(0)} ms`,
    );
  } finally {
    await ddb.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
