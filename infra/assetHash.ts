/**
 * Source-hashed function assets, for synthesising the same bundles again without bundling them again
 * (the infra and deploy-shaped tests share them through test/infra/assetCache.ts). With the context
 * value `inspraak:sourceHashedAssets` set, each function's asset hash is a hash of everything its
 * bundle is built from, known before bundling, and CDK skips bundling when the synth's output folder
 * already holds an asset of that hash. Without it (`cdk synth`, `cdk deploy`) CDK hashes the bundle's
 * output, as always.
 *
 * What the hash covers, deliberately more than a bundle reads: every file under services/, infra/,
 * schema/ and dev/, package-lock.json, the function's entry, handler, bundling settings, code-cache
 * warm-up and memory, the content of every file copied beside the bundle, and the Node.js version and
 * CPU that make the V8 code cache. A change to node_modules without a package-lock.json change (an
 * `npm link`, a hand edit) is not seen: delete node_modules/.cache/inspraak-assets then.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleFile } from './bundling';
import { REPO_ROOT } from './settings';

/** The context key that turns source-hashed assets on. */
export const SOURCE_HASHED_ASSETS = 'inspraak:sourceHashedAssets';

const SOURCE_DIRS = ['services', 'infra', 'schema', 'dev'];

let fingerprint: string | undefined;

/** A hash of the repository's sources that bundles are built from (once per process). */
function repositoryFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(`${process.version} ${process.arch}\n`);
  const files = SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  );
  for (const file of [...files.sort(), join(REPO_ROOT, 'package-lock.json')]) {
    hash.update(`${file.slice(REPO_ROOT.length)}\n`).update(readFileSync(file));
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The files a BundleFile names (a `dir/*suffix` glob: that folder's files with the suffix). */
function filesOf([from]: BundleFile): string[] {
  const abs = from.startsWith('/') ? from : join(REPO_ROOT, from);
  const glob = /^(.*)\/\*([^/]*)$/.exec(abs);
  if (!glob) return [abs];
  const dir = glob[1]!;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(glob[2]!) && statSync(join(dir, n)).isFile())
    .sort()
    .map((n) => join(dir, n));
}

/** The asset hash of a function built from `settings` (entry, bundling, warm-up…) and carrying `files`. */
export function sourceAssetHash(settings: unknown, files: readonly BundleFile[]): string {
  const hash = createHash('sha256').update(repositoryFingerprint()).update(JSON.stringify(settings));
  for (const file of files) {
    hash.update(JSON.stringify(file));
    for (const f of filesOf(file)) hash.update(`${f}\n`).update(readFileSync(f));
  }
  return hash.digest('hex');
}
