/**
 * `npm run build:explorer`: bundles the API explorer (explorer/app.tsx: GraphiQL, its explorer plugin,
 * React, Monaco and Monaco's workers) with esbuild into dist/explorer/, with the example operations of
 * operations/ built in. The gateway serves that directory (services/gateway/explorer.ts); `npm start`
 * and the Lambda bundle build it first.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { EXPLORER_DIR } from '../services/gateway/explorer';

const ROOT = join(__dirname, '..');
const OPERATIONS = join(ROOT, 'operations');

/** The example operations, as the explorer opens them: one tab each, README's examples first. */
export function exampleOperations(): { name: string; query: string }[] {
  const first = ['MunicipalityOverview.graphql', 'Search.graphql'];
  const rank = (f: string) => (first.includes(f) ? first.indexOf(f) : first.length);
  const files = readdirSync(OPERATIONS)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return files.map((f) => ({ name: f.replace(/\.graphql$/, ''), query: readFileSync(join(OPERATIONS, f), 'utf8') }));
}

/** Builds the explorer into `outdir` (default dist/explorer), replacing what was there. */
export async function buildExplorer(outdir = EXPLORER_DIR): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  const monaco = (p: string) => join(ROOT, 'node_modules', p);
  await build({
    entryPoints: {
      explorer: join(ROOT, 'explorer', 'app.tsx'),
      'editor.worker': monaco('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': monaco('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': monaco('monaco-graphql/esm/graphql.worker.js'),
    },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
    assetNames: '[name]-[hash]',
    define: {
      'process.env.NODE_ENV': '"production"',
      INSPRAAK_EXAMPLES: JSON.stringify(exampleOperations()),
    },
    absWorkingDir: ROOT,
    logLevel: 'warning',
  });
  // Precompressed copies: explorer.js is ~5 MB, ~1.3 MB gzipped (and under API Gateway's 6 MB response cap).
  for (const f of readdirSync(outdir)) {
    writeFileSync(join(outdir, `${f}.gz`), gzipSync(readFileSync(join(outdir, f)), { level: 9 }));
  }
}

/** Whether the built explorer is older than anything it is built from (or missing). */
export function explorerIsStale(outdir = EXPLORER_DIR): boolean {
  const built = join(outdir, 'explorer.js');
  if (!existsSync(built)) return true;
  const sources = [
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'scripts', 'build-explorer.ts'),
    ...readdirSync(join(ROOT, 'explorer')).map((f) => join(ROOT, 'explorer', f)),
    ...readdirSync(OPERATIONS).map((f) => join(OPERATIONS, f)),
  ];
  const builtAt = statSync(built).mtimeMs;
  return sources.some((f) => statSync(f).mtimeMs > builtAt);
}

if (require.main === module) {
  const started = performance.now();
  if (process.argv.includes('--if-stale') && !explorerIsStale()) process.exit(0);
  buildExplorer().then(
    () => console.log(`Built the API explorer into ${EXPLORER_DIR} (${Math.round(performance.now() - started)} ms)`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
