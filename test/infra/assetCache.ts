/**
 * Bundles shared between the tests that synthesise with bundling (test/infra/*Topology.test.ts,
 * test/deployed/*): they synthesise with source-hashed assets (infra/assetHash.ts), so an asset's name
 * says what it was built from. Before a synth, every cached asset folder is linked into the new cloud
 * assembly, where CDK finds it and skips bundling it; after the synth, the folders CDK did bundle are
 * added to the cache. A bundle is thus built once per change of its sources, not once per synth.
 * The cache lives in node_modules/.cache/inspraak-assets; entries unused for a week are removed.
 */
import {
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infra/settings';

const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'inspraak-assets');
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Links every cached asset folder into `outdir` (an empty cloud assembly folder), and prunes old ones. */
export function linkCachedAssets(outdir: string): void {
  mkdirSync(CACHE, { recursive: true });
  const now = Date.now();
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (!name.startsWith('asset.')) continue;
    if (now - statSync(path).mtimeMs > WEEK_MS) rmSync(path, { recursive: true, force: true });
    else symlinkSync(path, join(outdir, name), 'dir');
  }
}

/** Adds the asset folders CDK bundled into `outdir` to the cache, and marks the reused ones as used. */
export function cacheNewAssets(outdir: string): void {
  const now = new Date();
  for (const name of readdirSync(outdir)) {
    if (!name.startsWith('asset.')) continue;
    const path = join(outdir, name);
    if (lstatSync(path).isSymbolicLink()) {
      utimesSync(join(CACHE, name), now, now);
      continue;
    }
    if (!lstatSync(path).isDirectory()) continue;
    // Copy, then rename into place: another test process may add the same asset at the same time.
    const building = join(CACHE, `.${name}-${process.pid}`);
    try {
      cpSync(path, building, { recursive: true });
      renameSync(building, join(CACHE, name));
    } catch {
      rmSync(building, { recursive: true, force: true }); // already cached by another process
    }
  }
}
