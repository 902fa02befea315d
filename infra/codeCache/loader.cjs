/*
 * A function bundle's entry (index.js) when the bundle ships a V8 code cache (infra/codeCache.ts).
 * It compiles the esbuild bundle (main.js) with the code cache produced at bundle time, so a cold start
 * skips parsing and compiling what the cache holds, then runs it as Node would run main.js itself (the
 * same module wrapper, require, module, __filename and __dirname) and exports what it exports.
 *
 * V8 accepts the cache only from the same V8 version, V8 flags and CPU architecture; otherwise it rejects
 * it and compiles the source as if there were no cache, at no measurable extra cost. `codeCacheStatus`
 * says which happened ('accepted', 'rejected' or 'absent'); the gateway's init log reports it.
 *
 * Node's --enable-source-maps does not cover code compiled with node:vm, so stack frames in main.js are
 * mapped here, through main.js.map and Node's own SourceMap class, when a stack trace is first formatted
 * (never at start).
 */
'use strict';
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { Script } = require('node:vm');
const { wrap, wrapper, SourceMap } = require('node:module');

const file = join(__dirname, 'main.js');
let cachedData;
try {
  cachedData = readFileSync(join(__dirname, 'main.js.v8cache'));
} catch {
  cachedData = undefined; // a bundle without a cache still runs, compiled from source
}
const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const status = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
if (status === 'rejected' && !['error', 'silent'].includes(process.env.LOG_LEVEL ?? '')) {
  // In the JSON-lines shape of services/core/log.ts: a cache made by another V8 (version, flags, CPU).
  const message = `The V8 code cache was made by another V8 build or with other V8 flags than node ${process.version} runs with here; compiling from source.`;
  process.stderr.write(
    `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), message, codeCache: status })}\n`,
  );
}

let sourceMap; // undefined: not read yet; null: unreadable
const original = (frame) => {
  if (sourceMap === undefined) {
    try {
      sourceMap = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      sourceMap = null;
    }
  }
  // Positions on the first line count the module wrapper (wrap() below), which main.js.map does not know.
  const line = frame.getLineNumber() - 1;
  const column = frame.getColumnNumber() - 1 - (line === 0 ? wrapper[0].length : 0);
  const entry = sourceMap?.findEntry(line, column);
  if (!entry?.originalSource) return undefined;
  const source = resolve(__dirname, entry.originalSource.replace(/^file:\/\//, ''));
  return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
};
const previous = Error.prepareStackTrace;
Error.prepareStackTrace = (error, frames) => {
  if (!frames.some((f) => f.getFileName() === file)) {
    return previous ? previous(error, frames) : `${error}${frames.map((f) => `\n    at ${f}`).join('')}`;
  }
  const lines = frames.map((f) => {
    const at = f.getFileName() === file ? original(f) : undefined;
    if (!at) return `\n    at ${f}`;
    const name = f.getFunctionName() ?? f.getMethodName();
    return `\n    at ${name ? `${f.isConstructor() ? 'new ' : ''}${name} (${at})` : at}`;
  });
  return `${error}${lines.join('')}`;
};

// main.js's module.exports is this module's: it runs as if it were index.js, one directory, one module.
script.runInThisContext().call(module.exports, module.exports, require, module, file, __dirname);
Object.defineProperty(module.exports, 'codeCacheStatus', { value: status, enumerable: false });
// For infra/codeCache/produce.cjs: the code cache of everything compiled so far (after a warm-up).
Object.defineProperty(module.exports, 'createCodeCache', { value: () => script.createCachedData(), enumerable: false });
