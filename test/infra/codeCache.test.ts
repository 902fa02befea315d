/**
 * The V8 code cache shipped in a bundle (infra/codeCache.ts): made at bundle time by the same command
 * as CDK's afterBundling hook, accepted by node started as Lambda starts it, harmless when rejected, and
 * stack traces still name the TypeScript sources.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildOptions } from '../../infra/bundling';
import { codeCacheCommand, lambdaNodeFlags } from '../../infra/codeCache';
import { REPO_ROOT } from '../../infra/settings';

const MEMORY_MB = 1769;
let dir: string;

/** Loads the bundle in a fresh node with `flags`, calls its handler with `event`, returns what it printed. */
function invoke(flags: string[], event: object): { status: string; answer?: unknown; stack?: string } {
  const script = `
    const fn = require(${JSON.stringify(join(dir, 'index.js'))});
    fn.handler(${JSON.stringify(event)}).then(
      (answer) => console.log(JSON.stringify({ status: fn.codeCacheStatus, answer })),
      (e) => console.log(JSON.stringify({ status: fn.codeCacheStatus, stack: e.stack })),
    );`;
  const out = execFileSync(process.execPath, [...flags, '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as { status: string; answer?: unknown; stack?: string };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inspraak-code-cache-'));
  await build(esbuildOptions('test/infra/fixtures/codeCacheEntry.ts', join(dir, 'index.js')));
  execFileSync('bash', ['-euc', codeCacheCommand(dir, MEMORY_MB, { env: {}, events: [{ n: 1 }] })], { cwd: REPO_ROOT });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('puts the loader in front of the bundle and ships the cache beside it', () => {
  for (const f of ['index.js', 'main.js', 'main.js.map', 'main.js.v8cache'])
    expect(existsSync(join(dir, f))).toBe(true);
});

it('is accepted by node started with the flags Lambda gives a function of that memory size', () => {
  expect(invoke(lambdaNodeFlags(MEMORY_MB), { n: 41 })).toEqual({ status: 'accepted', answer: { n: 42 } });
});

it('is rejected under other V8 flags (another memory size), and the bundle runs all the same', () => {
  expect(invoke(lambdaNodeFlags(1024), { n: 41 })).toEqual({ status: 'rejected', answer: { n: 42 } });
});

it('keeps stack traces pointing at the TypeScript sources', () => {
  const { stack } = invoke(lambdaNodeFlags(MEMORY_MB), { fail: true });
  expect(stack).toMatch(
    /^Error: failed on purpose\n {4}at handler \(.*test\/infra\/fixtures\/codeCacheEntry\.ts:3:\d+\)/,
  );
});
