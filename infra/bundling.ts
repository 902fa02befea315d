/**
 * How every Lambda is bundled: one set of esbuild options, used by the CDK constructs (NodejsFunction)
 * and by scripts/bench-coldstart.ts, so the benchmark measures exactly what is deployed.
 */
import type { BuildOptions } from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from './settings';

/** Node's major version on Lambda (Runtime.NODEJS_22_X) and esbuild's target for it. */
export const NODE_TARGET = 'node22';

/**
 * Packages replaced at bundle time: by a stub, where the gateway's dependencies import them when they
 * load but Inspraak never calls them, or by Node's built-in equivalent (sha.js, node-fetch). Together ≈1.2 MB of the gateway bundle and ≈0.25 s of CPU at every cold
 * start (scripts/bench-coldstart.ts). The stubs fail loudly if they are ever called.
 */
const notBundled = join(REPO_ROOT, 'infra', 'stubs', 'not-bundled');
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  // RemoteGraphQLDataSource's default fetcher, replaced by the `fetcher` HttpDataSource always passes.
  'make-fetch-happen': join(REPO_ROOT, 'infra', 'stubs', 'make-fetch-happen.cjs'),
  // Pure-JavaScript SHA-256, which @apollo/utils.createhash uses inside a bundle: node:crypto's instead.
  'sha.js': join(REPO_ROOT, 'infra', 'stubs', 'sha.js.cjs'),
  // node-fetch v2, for its Headers and Request classes only: Node 22's own are used instead.
  'node-fetch': join(REPO_ROOT, 'infra', 'stubs', 'node-fetch.cjs'),
  // @apollo/gateway's anonymous usage telemetry, off with APOLLO_TELEMETRY_DISABLED=1 (set on every function).
  ...Object.fromEntries(
    [
      'exporter-metrics-otlp-http',
      'resource-detector-alibaba-cloud',
      'resource-detector-aws',
      'resource-detector-azure',
      'resource-detector-gcp',
      'resources',
      'sdk-metrics',
      'semantic-conventions',
    ].map((pkg) => [`@opentelemetry/${pkg}`, notBundled]),
  ),
  // Run-time composition (LocalCompose, IntrospectAndCompose); the gateway reads a static supergraph.
  '@apollo/composition': notBundled,
  // Query-plan debugging output (toDot).
  'ts-graphviz': notBundled,
};

/**
 * The esbuild settings of every function:
 * - minified, with names kept: errors are named after their class (`this.name = new.target.name` in
 *   services/core/errors.ts), and logs and alarms read those names;
 * - source maps without the sources' text (a 5 MB map instead of 20 MB; Node with --enable-source-maps
 *   only needs the mappings to print TypeScript positions in stack traces);
 * - the AWS SDK v3 clients (`@aws-sdk/*`) taken from the Lambda runtime, which ships them with
 *   nodejs22.x, rather than bundled: that keeps the gateway under its 3 MB budget (3.45 MB bundled).
 *   The price is running the runtime's SDK version rather than package-lock.json's; Inspraak uses only
 *   long-stable DynamoDB, SQS and credential calls. `@smithy/*` and `@aws-crypto/*` stay bundled;
 * - CommonJS, because the services locate their data files with `__dirname` (overridden by env on Lambda).
 */
export const BUNDLE = {
  target: NODE_TARGET,
  minify: true,
  keepNames: true,
  sourceMap: true,
  sourcesContent: false,
  externalModules: ['@aws-sdk/*'] as string[],
  aliases: BUNDLE_ALIASES,
} as const;

/**
 * The same settings as esbuild `build` options, for scripts that bundle outside CDK.
 * @example await build(esbuildOptions('services/gateway/lambda.ts', '/tmp/out/index.js'))
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [join(REPO_ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    keepNames: BUNDLE.keepNames,
    sourcemap: BUNDLE.sourceMap,
    sourcesContent: BUNDLE.sourcesContent,
    external: [...BUNDLE.externalModules],
    alias: { ...BUNDLE.aliases },
    absWorkingDir: REPO_ROOT,
    logLevel: 'warning',
  };
}

/** The files a function needs beside its bundle: [path relative to the repo root (glob allowed), destination in the bundle]. */
export type BundleFile = readonly [source: string, destination: string];

/** Shell commands that copy `files` into the bundle (CDK's afterBundling hook; run locally with bash). */
export function copyCommands(inputDir: string, outputDir: string, files: readonly BundleFile[]): string[] {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const dirs = [...new Set(files.map(([, to]) => to.split('/').slice(0, -1).join('/')).filter(Boolean))];
  return [
    ...dirs.map((d) => `mkdir -p ${q(join(outputDir, d))}`),
    // Globs stay outside the quotes so the shell expands them.
    ...files.map(([from, to]) => {
      const abs = from.startsWith('/') ? from : join(inputDir, from);
      const slash = abs.lastIndexOf('/');
      const [dir, name] = [abs.slice(0, slash), abs.slice(slash + 1)];
      const source = name.includes('*') ? `${q(dir)}/${name}` : q(abs);
      return `cp ${source} ${q(to.endsWith('/') ? join(outputDir, to) + '/' : join(outputDir, to))}`;
    }),
  ];
}
