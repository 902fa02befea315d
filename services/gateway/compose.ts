/** Composes the supergraph from schema/ with @apollo/composition. */
import { composeServices } from '@apollo/composition';
import { InspraakError } from '../core/errors';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type DocumentNode, parse, printSchema } from 'graphql';
import { z } from 'zod';
import { subgraphTypeDefs } from '../core/schema';
import { SUBGRAPH_NAMES } from './subgraphs';

/** The subgraphs' SDL does not compose into a supergraph. */
export class CompositionError extends InspraakError {
  readonly code = 'COMPOSITION_FAILED';
}

/**
 * The supergraph SDL of the registered subgraphs (services/gateway/subgraphs.ts). Each subgraph's URL in it is a placeholder (`inprocess://name`):
 * the gateway's data sources decide where a subgraph really runs. Throws CompositionError listing every
 * composition error when the subgraphs do not compose.
 */
export function composeSupergraph(partners: readonly Partner[] = []): string {
  return composed(partners).supergraphSdl;
}

/**
 * The public API's schema as clients see it (the supergraph without federation's machinery), in SDL:
 * what client code generators read (client/schema.graphql, written by `npm run compose`).
 */
export function apiSchemaSdl(partners: readonly Partner[] = []): string {
  return `${printSchema(composed(partners).schema.toAPISchema().toGraphQLJSSchema())}\n`;
}

/**
 * A partner's subgraph: someone else's service that extends our entities, served over HTTP at `url`
 * and composed from its SDL. Declared in partners.json (see `loadPartners`).
 */
export interface Partner {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

const partnerSchema = z.array(
  z.object({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'expected a lower-case name, e.g. council-decisions'),
    url: z.url({ protocol: /^https?$/, message: 'expected the http(s) URL of its GraphQL endpoint' }),
    sdl: z.string().min(1, 'expected the path of its SDL file, relative to the declarations file'),
  }),
);

/**
 * The partners declared in `file` (JSON: `[{ "name", "url", "sdl" }]`, `sdl` relative to the file);
 * none when the file does not exist. Throws CompositionError naming what is wrong.
 */
export function loadPartners(file: string): Partner[] {
  if (!existsSync(file)) return [];
  const parsed = partnerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new CompositionError(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data.map((p) => {
    if ((SUBGRAPH_NAMES as readonly string[]).includes(p.name)) {
      throw new CompositionError(`${file}: partner "${p.name}" has the name of one of Inspraak's own subgraphs.`);
    }
    return { name: p.name, url: p.url, typeDefs: parse(readFileSync(resolve(dirname(file), p.sdl), 'utf8')) };
  });
}

function composed(partners: readonly Partner[]) {
  const result = composeServices([
    ...SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: subgraphTypeDefs(name), url: `inprocess://${name}` })),
    ...partners,
  ]);
  if (result.errors) {
    throw new CompositionError(
      `The subgraphs do not compose:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return result;
}
