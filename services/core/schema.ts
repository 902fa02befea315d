/** Reading the SDL of a subgraph from schema/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** schema/ in the repository; bundles carry their own copy and say where (INSPRAAK_SCHEMA_DIR, see config). */
export const DEFAULT_SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/** The parsed SDL of the subgraph `name`: `<dir>/<name>.graphql`. */
export function subgraphTypeDefs(name: string, dir: string = DEFAULT_SCHEMA_DIR): DocumentNode {
  return parse(readFileSync(join(dir, `${name}.graphql`), 'utf8'));
}
