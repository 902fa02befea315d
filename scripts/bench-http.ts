/**
 * `npm run bench:http [-- <MB> <runs>]`: what the polite HTTP client's byte cap saves in memory. A simulated
 * installation streams a JSON answer of <MB> megabytes (default 50); the client reads it with a 1 MB cap
 * (it must stop early) and, for comparison, with a cap above the answer (it reads it all). Prints the
 * growth of the process's resident memory (RSS) and the time of each, alternating the two over <runs>
 * rounds (default 3); exits 1 when a capped read grows RSS by 40 MB or more.
 * Run it with `--expose-gc` (the npm script does) so that each read starts from a collected heap.
 */
import { startSimServer } from '../dev/simulators/simServer';
import { ResponseTooLargeError } from '../services/harvester/errors';
import { PoliteHttpClient } from '../services/harvester/http/HttpClient';

/** The most a capped read may grow RSS by. */
export const CAPPED_RSS_BUDGET_BYTES = 40 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const size = Number(process.argv[2] ?? 50) * 1024 * 1024;
  const runs = Number(process.argv[3] ?? 3);
  const sim = await startSimServer(() => ({ status: 200, json: {} }));
  sim.setFault({ kind: 'huge', bytes: size });
  const read = async (cap: number) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const client = new PoliteHttpClient({
      baseUrl: sim.url,
      timeoutMs: 60_000,
      maxResponseBytes: cap,
      requestsPerMinute: 600_000,
      retries: 0,
    });
    let outcome = 'read';
    try {
      await client.getJson('/huge');
    } catch (e) {
      if (!(e instanceof ResponseTooLargeError)) throw e;
      outcome = 'stopped at the cap';
    }
    return { grewBy: process.memoryUsage().rss - before, ms: performance.now() - started, outcome };
  };
  let worst = 0;
  try {
    console.log(`A ${mb(size)} answer, ${runs} rounds (shared machine: compare the rows, not absolute times)`);
    for (let i = 1; i <= runs; i++) {
      for (const [label, cap] of [
        ['cap 1 MB', 1024 * 1024],
        [`cap ${mb(size * 2)}`, size * 2],
      ] as const) {
        const r = await read(cap);
        if (cap < size) worst = Math.max(worst, r.grewBy);
        console.log(
          `round ${i}  ${label.padEnd(14)} RSS +${mb(r.grewBy).padStart(9)}  ${r.ms.toFixed(0).padStart(6)} ms  ${r.outcome}`,
        );
      }
    }
  } finally {
    await sim.close();
  }
  const ok = worst < CAPPED_RSS_BUDGET_BYTES;
  console.log(
    `capped reads grew RSS by at most ${mb(worst)} (budget ${mb(CAPPED_RSS_BUDGET_BYTES)}): ${ok ? 'OK' : 'OVER'}`,
  );
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
