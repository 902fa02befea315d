/**
 * `npm start` as a newcomer runs it: the real script in its own process group, stopped with SIGINT as
 * Ctrl-C in a terminal would, leaving no process behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExample } from '../../client/example';
import { EXAMPLE_QUERY } from '../exampleQuery';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

interface Sandbox {
  child: ChildProcess;
  output: () => string;
  url: string;
  javaPid: number;
}

async function startSandbox(args: string[] = [], env: Record<string, string> = {}): Promise<Sandbox> {
  const child = spawn(tsx, ['dev/start.ts', ...args], {
    cwd: root,
    env: { ...process.env, PORT: '0', ...env },
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const deadline = Date.now() + 90_000;
  while (!/Press Ctrl-C to stop/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the sandbox did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const url = /Gateway\s+(http:\S+)/.exec(out)![1]!;
  const javaPid = Number(/pid (\d+)/.exec(out)![1]);
  return { child, output: () => out, url, javaPid };
}

/** Ctrl-C: SIGINT to the whole process group. Resolves to the exit code. */
function interrupt(s: Sandbox): Promise<number | null> {
  const exited = new Promise<number | null>((r) => s.child.once('exit', (code) => r(code)));
  process.kill(-s.child.pid!, 'SIGINT');
  return exited;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('serves the README example query and the typed client example, then stops everything it started on Ctrl-C', async () => {
    // Changes settle at once, so the client example's change feed shows this start's harvest.
    const s = await startSandbox([], { INSPRAAK_CHANGES_SETTLE_MS: '1' });
    try {
      expect(s.output()).toMatch(/Registry\s+342 municipalities \(loaded\)/);
      const res = await fetch(s.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXAMPLE_QUERY }),
      });
      const json = (await res.json()) as any;
      expect(json.errors).toBeUndefined();
      expect(json.data.municipality.name).toBe("'s-Gravenhage");
      expect(json.data.municipality.budgets.edges[0].node.title).toBe('Duinoord Begroot');
      expect(json.data.municipality.budgets.edges[0].node.projects.edges).toHaveLength(3);
      // `npm run example:client`, as README shows it, against this sandbox.
      const lines: string[] = [];
      const run = await runExample(s.url, 'GM0518', (l) => lines.push(l));
      expect(run.municipality).toBe("'s-Gravenhage");
      expect(run.budgets[0]).toMatchObject({ title: 'Duinoord Begroot', winners: expect.any(Array) });
      expect(run.budgets[0]!.winners!.length).toBeGreaterThan(0);
      expect(run.changes).toMatchObject({ PROPOSAL: expect.any(Number), BUDGET: expect.any(Number) });
      expect(run.resumeFrom).not.toBeNull();
      expect(lines.join('\n')).toMatch(/Duinoord Begroot[\s\S]*winners[\s\S]*Resume from: \S+/);
      expect(alive(s.javaPid)).toBe(true);
    } finally {
      expect(await interrupt(s)).toBe(0);
    }
    expect(s.output()).toMatch(/Stopped the gateway, the simulated installations and DynamoDB Local/);
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(s.javaPid)).toBe(false);
  }, 120_000);

  it('keeps its data across restarts with --data-dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspraak-data-'));
    try {
      const first = await startSandbox(['--data-dir', dir]);
      expect(await interrupt(first)).toBe(0);
      const second = await startSandbox(['--data-dir', dir]);
      expect(await interrupt(second)).toBe(0);
      expect(second.output()).toMatch(/Table\s+inspraak \(existed\)/);
      expect(second.output()).toMatch(/Registry\s+342 municipalities \(already present\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a bad PORT with a message naming it, before starting anything', () => {
    const result = spawnSync(tsx, ['dev/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PORT: expected a port number \(got "eighty"\)/);
    expect(result.stdout).not.toMatch(/DynamoDB Local/);
  }, 60_000);
});
