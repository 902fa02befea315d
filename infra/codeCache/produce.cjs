/*
 * `node <Lambda's node flags> infra/codeCache/produce.cjs <bundle dir> <warm-up JSON>`: turns an esbuild
 * bundle folder (index.js, index.js.map) into one that ships a V8 code cache (infra/codeCache.ts):
 * the bundle becomes main.js (+ main.js.map), the loader (loader.cjs) becomes index.js, and the bundle is
 * loaded once and warmed up with the given handler events, so that the cache written to main.js.v8cache
 * holds the functions a cold start compiles, not only the top level.
 *
 * Warm-up JSON: { env: { NAME: value }, handler: 'handler', events: [event, …] }; `{BUNDLE}` in a value
 * stands for the bundle dir. Answers do not matter (the warm-up has no database; calls fail fast), only
 * the code they run. Run it with the node flags Lambda starts node with (lambdaNodeFlags): V8 rejects a
 * cache made under other V8 flags.
 */
'use strict';
const { copyFileSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

async function main() {
  const [dir, spec] = process.argv.slice(2);
  if (!dir || !spec) throw new Error('usage: produce.cjs <bundle dir> <warm-up JSON>');
  const { env = {}, handler = 'handler', events = [] } = JSON.parse(spec);
  const code = readFileSync(join(dir, 'index.js'), 'utf8');
  writeFileSync(
    join(dir, 'main.js'),
    code.replace(/\/\/# sourceMappingURL=index\.js\.map\s*$/, '//# sourceMappingURL=main.js.map\n'),
  );
  renameSync(join(dir, 'index.js.map'), join(dir, 'main.js.map'));
  copyFileSync(join(__dirname, 'loader.cjs'), join(dir, 'index.js'));

  for (const [name, value] of Object.entries(env)) process.env[name] = String(value).replaceAll('{BUNDLE}', dir);
  const fn = require(join(dir, 'index.js'));
  const context = {
    awsRequestId: 'code-cache-warm-up',
    functionName: 'code-cache-warm-up',
    getRemainingTimeInMillis: () => 30_000,
    callbackWaitsForEmptyEventLoop: true,
  };
  for (const event of events) await fn[handler](event, context);
  const cache = fn.createCodeCache();
  writeFileSync(join(dir, 'main.js.v8cache'), cache);
  process.stdout.write(
    `V8 code cache: ${(cache.length / 1e6).toFixed(2)} MB after ${events.length} warm-up event(s)\n`,
  );
}

main().then(
  () => process.exit(0), // the warm-up may leave sockets and timers behind
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
