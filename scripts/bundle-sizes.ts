/**
 * `npx tsx scripts/bundle-sizes.ts [cdk.out]`, after `npx cdk synth`: the size of every function's
 * bundle in the cloud assembly — the esbuild bundle (index.js, or main.js behind the code-cache loader,
 * infra/codeCache.ts), its source map, its V8 code cache if any, and the zip Lambda downloads (deflated
 * as the CDK CLI zips it) — and a check of the gateway's budget. Exits 1 when a budget is exceeded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/** The gateway's bundle must stay below this (bytes); it is what V8 compiles when its code cache does not fit. */
export const GATEWAY_BUDGET_BYTES = 3 * 1000 * 1000;

interface Row {
  stack: string;
  fn: string;
  handler: string;
  js: number;
  map: number;
  cache: number;
  zip: number;
}

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function main(): number {
  const out = resolve(process.argv[2] ?? 'cdk.out');
  const templates = readdirSync(out).filter((f) => f.endsWith('.template.json'));
  if (!templates.length) {
    console.error(`No templates in ${out}: run \`npx cdk synth\` first.`);
    return 2;
  }
  const rows: Row[] = [];
  for (const file of templates) {
    const template = JSON.parse(readFileSync(join(out, file), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, string> }>;
    };
    for (const [id, r] of Object.entries(template.Resources)) {
      if (r.Type !== 'AWS::Lambda::Function') continue;
      const assetPath = r.Metadata?.['aws:asset:path'];
      if (!assetPath) continue;
      const dir = join(out, assetPath);
      const all = files(dir);
      const size = (name: string) => {
        try {
          return statSync(join(dir, name)).size;
        } catch {
          return 0;
        }
      };
      // Deflate each file, as a zip does; the few bytes of zip headers are left out.
      const zip = all.reduce((n, f) => n + deflateRawSync(readFileSync(f), { level: 9 }).length, 0);
      rows.push({
        stack: file.replace('.template.json', ''),
        fn: r.Metadata?.['aws:cdk:path']?.split('/').slice(1, -2).join('/') ?? id,
        handler: r.Properties.Handler,
        js: size('main.js') || size('index.js'),
        map: size('main.js.map') || size('index.js.map'),
        cache: size('main.js.v8cache'),
        zip,
      });
    }
  }
  const width = Math.max(...rows.map((r) => `${r.stack}/${r.fn}`.length));
  console.log(
    `${'function'.padEnd(width)}  ${'bundle'.padStart(9)}  ${'map'.padStart(9)}  ${'v8 cache'.padStart(9)}  ${'zipped'.padStart(9)}`,
  );
  for (const r of rows)
    console.log(
      `${`${r.stack}/${r.fn}`.padEnd(width)}  ${mb(r.js).padStart(9)}  ${mb(r.map).padStart(9)}  ${mb(r.cache).padStart(9)}  ${mb(r.zip).padStart(9)}`,
    );
  const gateways = rows.filter((r) => r.fn.endsWith('Gateway/Gateway'));
  let failed = false;
  for (const g of gateways) {
    const ok = g.js < GATEWAY_BUDGET_BYTES;
    failed ||= !ok;
    console.log(
      `${ok ? 'OK  ' : 'OVER'} gateway bundle ${mb(g.js)} (budget ${mb(GATEWAY_BUDGET_BYTES)}); zipped deployment package ${mb(g.zip)}`,
    );
  }
  if (!gateways.length) console.log('(no gateway function in this assembly: was it synthesised with bundling?)');
  return failed ? 1 : 0;
}

process.exitCode = main();
