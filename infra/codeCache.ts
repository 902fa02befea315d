/**
 * A V8 code cache shipped in a function's bundle, produced at bundle time, so that a cold start does not
 * parse and compile the bundle (≈0.25 s of CPU for the gateway's 2.9 MB): infra/codeCache/produce.cjs
 * makes it, infra/codeCache/loader.cjs uses it. Measured by `npm run bench:coldstart` (docs/operations.md,
 * "Cold start").
 *
 * Why not Node's own compile cache (module.enableCompileCache, NODE_COMPILE_CACHE): in Node 22 it keys
 * each entry by the module's absolute path (/var/task/index.js on Lambda) and stores it under a folder
 * named after the exact Node version, architecture and user id, so a cache made at bundle time, in
 * another folder and as another user, is never found. node:vm's cachedData is checked by V8 alone.
 *
 * What V8 checks, and when the cache is therefore used on Lambda: the same V8 version (every Node 22
 * release since 22.9 ships V8 12.4.254.21), the same V8 flags (hence the producer runs with the flags
 * Lambda's bootstrap gives node, see lambdaNodeFlags) and a compatible CPU architecture. A cache that does
 * not fit is rejected and the bundle compiles from source as before; the gateway logs `codeCache` at init.
 */
import { join } from 'node:path';
import { REPO_ROOT } from './settings';

/**
 * The node flags Lambda's Node.js runtime bootstrap starts node with for a function of `memoryMb`
 * (/var/runtime/bootstrap: a tenth of the memory as young generation, half of it per semi-space, the
 * rest as old generation). The heap sizes are V8 flags, which a V8 code cache must match.
 */
export function lambdaNodeFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 10);
  return [
    '--expose-gc',
    '--max-http-header-size',
    '81920',
    `--max-semi-space-size=${Math.floor(newSpace / 2)}`,
    `--max-old-space-size=${memoryMb - newSpace}`,
  ];
}

/** How a bundle is warmed up before its code cache is taken (infra/codeCache/produce.cjs). */
export interface WarmUp {
  /** The function's environment for the warm-up; `{BUNDLE}` stands for the bundle folder. */
  readonly env: Readonly<Record<string, string>>;
  /** Events the handler answers, in order; their answers are not checked. */
  readonly events: readonly unknown[];
}

/** The shell command that turns a bundle folder into one with a code cache (CDK's afterBundling hook). */
export function codeCacheCommand(outputDir: string, memoryMb: number, warmUp: WarmUp): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return [
    // The AWS SDK is external to bundles (infra/bundling.ts): Lambda provides it, here the repository does.
    `NODE_PATH=${q(join(REPO_ROOT, 'node_modules'))}`,
    q(process.execPath),
    ...lambdaNodeFlags(memoryMb),
    q(join(REPO_ROOT, 'infra', 'codeCache', 'produce.cjs')),
    q(outputDir),
    q(JSON.stringify(warmUp)),
  ].join(' ');
}
