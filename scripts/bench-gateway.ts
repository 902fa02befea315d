/**
 * `npm run bench:gateway [-- --seconds 5 --rounds 2 --workloads hot,varied --caches --profile DIR]`: our
 * gateway against Hive Gateway on the same data.
 *
 * Starts DynamoDB Local with the sandbox's data (the registry, and a harvest of the six simulated
 * installations on the ports dev/sources.json names, so no `npm start` may run meanwhile), the four
 * subgraphs over HTTP (one process each), and three gateways (one process each): Hive Gateway
 * (`@graphql-hive/gateway`) on the committed supergraph pointed at those subgraphs, ours with the
 * subgraphs in-process (the shipped topology) and ours over the same HTTP subgraphs. Then, alternating
 * the targets in every round, two workloads with 20 clients (autocannon):
 * - hot: the same few portal queries over and over;
 * - varied: every request different (a deterministic sequence of variables, the same for every target).
 * Prints requests per second, p50 and p99 latency, and each target's ratio to Hive Gateway (medians of
 * the rounds). Runs share the machine with everything else on it: compare ratios, not absolute numbers.
 *
 * `--caches` adds our in-process gateway with each cache layer alone and with none (INSPRAAK_RESPONSE_CACHE_MB
 * and INSPRAAK_FETCH_CACHE_MB at 0), to measure what each layer is worth; `--profile DIR` writes a V8 CPU
 * profile of the shipped gateway (`--cpu-prof`) into DIR when the run ends.
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoLocal } from '../dev/dynamoLocal';
import { freePort } from '../dev/freePort';
import { startInstallations } from '../dev/installations';
import { createDynamo } from '../services/core/dynamo/client';
import { ensureTable } from '../services/core/dynamo/table';
import { ensureRegistry } from '../services/core/registry';
import { loadSources } from '../services/harvester/config';
import { harvestAll } from '../services/harvester/harvestAll';
import { harvestDeps } from '../services/harvester/runtime';
import { SUBGRAPH_NAMES } from '../services/gateway/subgraphs';

const ROOT = join(__dirname, '..');
const TABLE = 'inspraak-bench';
const CLIENTS = 20;

/** The portal's page: a page of proposals with municipality and province, a municipality's budgets and projects. */
const PORTAL = `query Portal($first: Int!, $code: String!, $budgets: Int!, $projects: Int!) {
  proposals(first: $first) { edges { node { id title supportCount status municipality { name province { name } } } } }
  municipality(code: $code) {
    name
    budgets(first: $budgets) {
      edges { node { id title phase total { formatted } projects(first: $projects) { edges { node { title cost { formatted } voteCount } } } } }
    }
  }
}`;
const CODES = ['GM0106', 'GM0855', 'GM0599', 'GM0344', 'GM0363', 'GM0518'];

/**
 * The i-th request of the varied workload: all distinct for i below 90,000 (50 page sizes, 6
 * municipalities, 3 budget counts, 100 project counts; the first 9,000 as before that range grew).
 */
function variedBody(i: number): string {
  return JSON.stringify({
    query: PORTAL,
    variables: {
      first: 1 + (i % 50),
      code: CODES[Math.floor(i / 50) % 6],
      budgets: 1 + (Math.floor(i / 300) % 3),
      projects: 1 + (Math.floor(i / 900) % 100),
    },
  });
}
/**
 * Each round's targets replay the same requests; the next round's are new to every cache (a target
 * would need over 2,000 rps for 5 s to run into them; the report says when one did).
 */
const ROUND_REQUESTS = 10_000;
/** A portal's front page, a municipality page, a longer list: what many visitors load at once. */
const HOT = [
  JSON.stringify({ query: PORTAL, variables: { first: 20, code: 'GM0518', budgets: 1, projects: 5 } }),
  JSON.stringify({ query: PORTAL, variables: { first: 10, code: 'GM0363', budgets: 2, projects: 10 } }),
  JSON.stringify({ query: PORTAL, variables: { first: 50, code: 'GM0599', budgets: 3, projects: 3 } }),
];

type Workload = 'hot' | 'varied';
const HIVE = 'Hive Gateway, HTTP subgraphs';

interface Target {
  name: string;
  url: string;
  /** Our gateways' request log (JSON lines on stderr), read after each run for its per-request figures. */
  log?: { file: string; offset: number };
}

/** What our request log says about one run's requests (services/gateway/requestLog.ts). */
interface Logged {
  requests: number;
  dynamodbCalls: number;
  fetchHits: number;
  fetchMisses: number;
  outcomes: Record<string, number>;
}

/** Adds the request log lines written since the last read to `into`. */
function readLog(log: NonNullable<Target['log']>, into: Logged): void {
  const text = readFileSync(log.file, 'utf8');
  const fresh = text.slice(log.offset, text.lastIndexOf('\n') + 1);
  log.offset += fresh.length;
  for (const line of fresh.split('\n')) {
    if (!line.includes('"graphql request"')) continue;
    const entry = JSON.parse(line) as {
      cache?: string;
      dynamodbCalls?: number;
      fetchCache?: { hits: number; misses: number };
    };
    into.requests++;
    into.dynamodbCalls += entry.dynamodbCalls ?? 0;
    into.fetchHits += entry.fetchCache?.hits ?? 0;
    into.fetchMisses += entry.fetchCache?.misses ?? 0;
    const outcome = entry.cache ?? 'none';
    into.outcomes[outcome] = (into.outcomes[outcome] ?? 0) + 1;
  }
}
interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '2' },
      workloads: { type: 'string', default: 'hot,varied' },
      caches: { type: 'boolean', default: false },
      profile: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const workloads = values.workloads.split(',').filter((w): w is Workload => w === 'hot' || w === 'varied');
  const children: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-gateway-'));
  const ddb = await startDynamoLocal();
  try {
    const { raw, doc } = createDynamo({ region: 'eu-west-1', endpoint: ddb.endpoint });
    const db = { doc, table: TABLE };
    await ensureTable(raw, TABLE);
    await ensureRegistry(doc, TABLE);
    const sources = loadSources(join(ROOT, 'dev', 'sources.json'));
    const installations = await startInstallations(sources);
    try {
      await harvestAll(harvestDeps(db), sources);
    } finally {
      await Promise.all(installations.map((i) => i.server.close()));
    }
    const env = {
      ...process.env,
      DYNAMODB_ENDPOINT: ddb.endpoint,
      INSPRAAK_TABLE: TABLE,
      HOST: '127.0.0.1',
      PORT: '0',
    };

    const urls: Record<string, string> = {};
    for (const name of SUBGRAPH_NAMES) {
      const child = start(['scripts/subgraph.ts', name], env, children);
      urls[name] = await announced(child, /subgraph at (\S+)/);
    }
    const supergraph = readFileSync(join(ROOT, 'services/gateway/supergraph.graphql'), 'utf8').replace(
      /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
      (_, name: string) => `@join__graph(name: "${name}", url: "${urls[name]}")`,
    );
    const supergraphFile = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphFile, supergraph);
    const hivePort = await freePort();
    const hive = spawn(
      join(ROOT, 'node_modules/.bin/hive-gateway'),
      ['supergraph', supergraphFile, '--port', String(hivePort), '--host', '127.0.0.1'],
      { cwd: dir, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(hive);
    const profiled = values.profile
      ? { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${values.profile}` }
      : env;
    let logs = 0;
    const logOf = () => ({ file: join(dir, `gateway-${logs++}.log`), offset: 0 });
    const shippedLog = logOf();
    const httpLog = logOf();
    const ours = start(['scripts/gateway.ts'], profiled, children, shippedLog.file);
    const oursHttp = start(
      ['scripts/gateway.ts'],
      { ...env, INSPRAAK_SUBGRAPH_URLS: JSON.stringify(urls) },
      children,
      httpLog.file,
    );
    const targets: Target[] = [
      { name: HIVE, url: `http://127.0.0.1:${hivePort}/graphql` },
      { name: SHIPPED, url: await announced(ours, /Gateway at (\S+)/), log: shippedLog },
      { name: 'Inspraak, HTTP subgraphs', url: await announced(oursHttp, /Gateway at (\S+)/), log: httpLog },
    ];
    if (values.caches) {
      for (const [name, response, fetch] of [
        ['in-process, response cache only', '64', '0'],
        ['in-process, fetch cache only', '0', '64'],
        ['in-process, no cache', '0', '0'],
      ] as const) {
        const log = logOf();
        const child = start(
          ['scripts/gateway.ts'],
          { ...env, INSPRAAK_RESPONSE_CACHE_MB: response, INSPRAAK_FETCH_CACHE_MB: fetch },
          children,
          log.file,
        );
        targets.push({ name, url: await announced(child, /Gateway at (\S+)/), log });
      }
    }
    await ready(targets[0]!.url);
    for (const t of targets) {
      // Every target answers correctly before it is timed.
      const check = await post(t.url, HOT[0]!);
      if (!check.data?.proposals?.edges?.length || check.errors) {
        throw new Error(`${t.name} answered ${JSON.stringify(check).slice(0, 300)}`);
      }
    }

    if ((rounds + 1) * ROUND_REQUESTS > 90_000)
      throw new Error('At most 8 rounds: the varied requests repeat after that.');
    const loadBefore = loadavg();
    const logged: Record<string, Record<string, Logged>> = Object.fromEntries(workloads.map((w) => [w, {}]));
    const results: Record<string, Record<string, Result[]>> = Object.fromEntries(workloads.map((w) => [w, {}]));
    for (let round = 0; round <= rounds; round++) {
      for (const workload of workloads) {
        for (const t of round % 2 ? [...targets].reverse() : targets) {
          let next = round * ROUND_REQUESTS;
          const r = await autocannon({
            url: t.url,
            connections: CLIENTS,
            duration: round === 0 ? 1 : seconds,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            requests:
              workload === 'hot'
                ? HOT.map((body) => ({ body }))
                : [{ setupRequest: (req) => ({ ...req, body: variedBody(next++) }) }],
          });
          if (t.log) {
            const byTarget = logged[workload]!;
            const seen = byTarget[t.name] ?? {
              requests: 0,
              dynamodbCalls: 0,
              fetchHits: 0,
              fetchMisses: 0,
              outcomes: {},
            };
            byTarget[t.name] = seen;
            // The warm-up's lines are read past, not counted.
            readLog(t.log, round === 0 ? { ...seen, outcomes: {} } : seen);
          }
          if (workload === 'varied' && next > (round + 1) * ROUND_REQUESTS) {
            console.log(
              `  ${t.name} ran into the next round's varied requests (${next - round * ROUND_REQUESTS} sent)`,
            );
          }
          if (round === 0) continue; // warm-up
          const runs = results[workload]![t.name] ?? [];
          results[workload]![t.name] = runs;
          runs.push({
            rps: r.requests.average,
            p50: r.latency.p50,
            p99: r.latency.p99,
            errors: r.errors + r.non2xx,
          });
        }
      }
    }
    report(results, logged, targets, seconds, rounds, { before: loadBefore, after: loadavg() });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    // A profiled gateway writes its profile as it exits.
    if (values.profile) await new Promise((r) => setTimeout(r, 3000));
    await ddb.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function start(args: string[], env: NodeJS.ProcessEnv, children: ChildProcess[], logFile?: string): ChildProcess {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', logFile ? openSync(logFile, 'a') : 'ignore'],
  });
  children.push(child);
  return child;
}

/** Waits until the child prints a line matching `pattern`; resolves to its first group. */
function announced(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = pattern.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${child.spawnargs.join(' ')} exited (${code}): ${seen}`)));
  });
}

async function ready(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      await post(url, JSON.stringify({ query: '{ __typename }' }));
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not start`);
}

async function post(url: string, body: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return res.json();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The aims of issue #12 for the shipped topology, as multiples of Hive Gateway's rps. */
const AIMS: Record<Workload, number> = { hot: 2, varied: 1.2 };
const SHIPPED = 'Inspraak, in-process (shipped)';

function report(
  results: Record<string, Record<string, Result[]>>,
  logged: Record<string, Record<string, Logged>>,
  targets: Target[],
  seconds: number,
  rounds: number,
  load: { before: number[]; after: number[] },
) {
  const avg = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `\n${CLIENTS} clients, ${rounds} rounds of ${seconds} s per target and workload, targets alternating; medians of the rounds`,
  );
  console.log(
    `machine: ${cpus().length} cores, load average (1, 5, 15 min) ${avg(load.before)} before, ${avg(load.after)} after`,
  );
  const ratios: string[] = [];
  for (const [workload, byTarget] of Object.entries(results)) {
    console.log(`\n${workload}`);
    const hive = median(byTarget[HIVE]!.map((r) => r.rps));
    for (const t of targets) {
      const rs = byTarget[t.name]!;
      const rps = median(rs.map((r) => r.rps));
      const p50 = median(rs.map((r) => r.p50));
      const p99 = median(rs.map((r) => r.p99));
      const each = rs.map((r) => r.rps.toFixed(0)).join(', ');
      const errors = rs.reduce((n, r) => n + r.errors, 0);
      console.log(
        `  ${t.name.padEnd(34)} ${rps.toFixed(0).padStart(6)} rps  p50 ${p50.toFixed(0).padStart(4)} ms  p99 ${p99.toFixed(0).padStart(5)} ms  ${(rps / hive).toFixed(2)}× Hive  (rounds: ${each}; errors ${errors})`,
      );
    }
    for (const t of targets) {
      const l = logged[workload]?.[t.name];
      if (!l?.requests) continue;
      const lookups = l.fetchHits + l.fetchMisses;
      const outcomes = Object.entries(l.outcomes)
        .map(([k, n]) => `${k} ${((100 * n) / l.requests).toFixed(0)}%`)
        .join(', ');
      console.log(
        `    ${t.name}: ${(l.dynamodbCalls / l.requests).toFixed(2)} DynamoDB calls per request; response cache: ${outcomes}${lookups ? `; fetch cache hits ${((100 * l.fetchHits) / lookups).toFixed(0)}% of ${lookups} fetches and entities` : ''}`,
      );
    }
    // The ratio of medians, and the median of each round's ratio (the targets ran side by side in a round).
    const shipped = byTarget[SHIPPED]!;
    const perRound = median(shipped.map((r, i) => r.rps / byTarget[HIVE]![i]!.rps));
    const ratio = median(shipped.map((r) => r.rps)) / hive;
    const aim = AIMS[workload as Workload];
    ratios.push(
      `RATIO ${workload}: shipped ${ratio.toFixed(2)}× Hive Gateway (median of per-round ratios ${perRound.toFixed(2)}×); aim ≥ ${aim}× ${ratio >= aim ? 'MET' : 'MISSED'}`,
    );
  }
  console.log(`\n${ratios.join('\n')}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
