/**
 * A child of `npm run bench:search`: the time from this process's spawn to its first answer from a search
 * snapshot, as a cold-started server or Lambda has it (Node start, loading the engine's code, reading the
 * file, restoring, one query). It loads nothing else, so that the figure is the engine's and not the
 * benchmark's. `noop` measures Node start alone.
 * usage: searchReady.ts <postings|minisearch|noop> <snapshot path> <spawn time, ms since the epoch>
 */
import { readFileSync } from 'node:fs';
import type { SearchEngineFactory } from '../services/search/engine/SearchEngine';

const [engine, path, startedAt] = process.argv.slice(2) as [string, string, string];
const factories: Record<string, () => SearchEngineFactory> = {
  postings: () =>
    (require('../services/search/engine/postingsEngine') as typeof import('../services/search/engine/postingsEngine'))
      .postingsEngines,
  minisearch: () =>
    (
      require('../services/search/engine/miniSearchEngine') as typeof import('../services/search/engine/miniSearchEngine')
    ).miniSearchEngines,
};
if (engine !== 'noop') {
  const factory = factories[engine];
  if (!factory) throw new Error(`searchReady: unknown engine ${engine}`);
  const restored = factory().restore(readFileSync(path));
  restored.search({ words: ['speeltuin'], criteria: {}, order: 'RELEVANCE', after: null, limit: 20, facets: true });
}
console.log(
  JSON.stringify({ readyMs: Date.now() - Number(startedAt), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }),
);
