/** Reading the SDL of a subgraph from schema/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** The directory that holds the SDL files; bundlers may override it with INSPRAAK_SCHEMA_DIR. */
export function schemaDir(): string {
  return process.env.INSPRAAK_SCHEMA_DIR ?? join(__dirname, '..', '..', 'schema');
}

export const SUBGRAPH_NAMES = ['municipalities', 'proposals', 'budgets', 'search'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  return parse(readFileSync(join(schemaDir(), `${name}.graphql`), 'utf8'));
}
