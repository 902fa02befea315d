/**
 * `npm run bench:memory [-- <rounds> <concurrency>]`: the gateway's peak memory while it refuses a 50 MB
 * subgraph answer, and while it serves the largest answer it allows (just under
 * INSPRAAK_SUBGRAPH_MAX_BYTES, 5 MiB by default). The gateway runs alone in a child process
 * (`node --import tsx scripts/gateway.ts`, every subgraph over HTTP); a fake subgraph in this process
 * answers `budget { title }` with a small answer (warm-up), a streamed 50 MB one, or one just under the
 * cap. Each scenario sends <concurrency> requests at once (default 4), <rounds> times (default 3),
 * alternating the two. The child's resident memory is read from /proc (VmRSS before, VmHWM, the peak,
 * reset before each scenario through clear_refs), so Linux only. Prints one line per scenario and round and
 * a summary; exits 1 when a request is not answered 200, or a refusal's peak grows RSS by more than
 * <concurrency> × the cap + 40 MB (what reading the 50 MB answers whole would exceed).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const CAP = 5 * 1024 * 1024;
const HUGE = 50 * 1024 * 1024;
const QUERY = '{ budget(id: "gm0363-openstad:budget:1") { title } }';
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

type Mode = 'small' | 'huge' | 'largest';
let mode: Mode = 'small';

/** Writes `{"data":{"budget":{"title":"xxx…"}}}` with a title of `bytes` bytes, in 1 MB chunks, honouring backpressure. */
function answer(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"data":{"budget":{"title":"');
  const chunk = 'x'.repeat(1 << 20);
  let left = bytes;
  const more = () => {
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once('drain', more);
    }
    res.end('"}}}');
  };
  more();
}

function fakeSubgraph(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (mode === 'huge') answer(res, HUGE);
      // The largest answer the cap lets through: the envelope is 32 bytes.
      else if (mode === 'largest') answer(res, CAP - 64);
      else answer(res, 9);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      }),
    ),
  );
}

function startGateway(subgraphUrl: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const root = join(__dirname, '..');
  const urls = Object.fromEntries(['municipalities', 'proposals', 'budgets', 'search'].map((n) => [n, subgraphUrl]));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'gateway.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      INSPRAAK_SUBGRAPH_URLS: JSON.stringify(urls),
      INSPRAAK_SUBGRAPH_TIMEOUT_MS: '20000',
      INSPRAAK_REQUEST_DEADLINE_MS: '25000',
      // No table: every subgraph is remote, and the caches (which read the data version) are off.
      INSPRAAK_RESPONSE_CACHE_MB: '0',
      INSPRAAK_FETCH_CACHE_MB: '0',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /Gateway at (\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the gateway exited (${code}) before it listened:\n${out}`)));
  });
}

/** VmRSS and VmHWM (peak) of `pid`, in bytes. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function post(url: string): Promise<{ status: number; bytes: number; codes: string[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const text = await res.text();
  const codes = ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) =>
    String(e.extensions?.code),
  );
  return { status: res.status, bytes: text.length, codes };
}

async function main(): Promise<number> {
  const rounds = Number(process.argv[2] ?? 3);
  const concurrency = Number(process.argv[3] ?? 4);
  const sub = await fakeSubgraph();
  const gw = await startGateway(sub.url);
  let failed = false;
  const growth: Record<'huge' | 'largest', number[]> = { huge: [], largest: [] };
  try {
    for (let i = 0; i < 5; i++) await post(gw.url);
    const idle = memory(gw.pid).rss;
    console.log(
      `Gateway pid ${gw.pid}, idle after warm-up: RSS ${mb(idle)}; cap ${mb(CAP)}; ${concurrency} requests at once`,
    );
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of ['huge', 'largest'] as const) {
        mode = scenario;
        // Reset the peak (VmHWM) to the current RSS: "5" to clear_refs (proc(5)).
        writeFileSync(`/proc/${gw.pid}/clear_refs`, '5');
        const before = memory(gw.pid).rss;
        const started = performance.now();
        const answers = await Promise.all(Array.from({ length: concurrency }, () => post(gw.url)));
        const ms = performance.now() - started;
        const { peak } = memory(gw.pid);
        growth[scenario].push(peak - before);
        const statuses = [...new Set(answers.map((a) => a.status))].join(',');
        const codes = [...new Set(answers.flatMap((a) => a.codes))].join(',') || 'none';
        if (answers.some((a) => a.status !== 200)) failed = true;
        if (scenario === 'largest' && codes !== 'none') failed = true;
        console.log(
          `round ${round} ${scenario === 'huge' ? 'refuse 50 MB   ' : 'serve largest  '} status ${statuses}  errors ${codes.padEnd(20)} answer ${mb(answers[0]!.bytes).padStart(8)}  RSS before ${mb(before).padStart(8)}  peak ${mb(peak).padStart(8)}  growth ${mb(peak - before).padStart(8)}  ${ms.toFixed(0)} ms`,
        );
      }
    }
  } finally {
    gw.stop();
    sub.close();
  }
  const max = (xs: number[]) => Math.max(...xs);
  const budget = concurrency * CAP + 40 * 1024 * 1024;
  console.log(
    `SUMMARY refuse 50 MB: peak growth at most ${mb(max(growth.huge))} (budget ${mb(budget)}; reading ${concurrency} × 50 MB whole would need ${mb(concurrency * HUGE)} or more); serve largest (${mb(CAP)}): peak growth at most ${mb(max(growth.largest))}. Shared machine: figures vary with load.`,
  );
  if (max(growth.huge) > budget) failed = true;
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
