/** Reading the SDL of a subgraph from schema/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import { type PrebuiltSubgraphSchema, rememberPrebuilt } from './subgraphSchema';

/** schema/ in the repository; bundles carry their own copy and say where (INSPRAAK_SCHEMA_DIR, see config). */
export const DEFAULT_SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/**
 * The parsed SDL of the subgraph `name`: `<dir>/<name>.graphql`. When `<dir>/<name>.prebuilt.json` (written
 * by `npm run compose`) was built from that very SDL, `buildSubgraphSchemaFast` builds from it.
 */
export function subgraphTypeDefs(name: string, dir: string = DEFAULT_SCHEMA_DIR): DocumentNode {
  const sdl = readFileSync(join(dir, `${name}.graphql`), 'utf8');
  const typeDefs = parse(sdl);
  rememberPrebuilt(typeDefs, sdl, readPrebuilt(join(dir, prebuiltFileName(name))));
  return typeDefs;
}

/** The file name of the subgraph `name`'s prebuilt schema beside its SDL (services/core/subgraphSchema.ts). */
export const prebuiltFileName = (name: string) => `${name}.prebuilt.json`;

function readPrebuilt(path: string): PrebuiltSubgraphSchema | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PrebuiltSubgraphSchema;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
