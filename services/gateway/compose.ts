/** Composes the supergraph from schema/ with @apollo/composition. */
import { composeServices } from '@apollo/composition';
import { InspraakError } from '../core/errors';
import { printSchema } from 'graphql';
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
export function composeSupergraph(): string {
  return composed().supergraphSdl;
}

/**
 * The public API's schema as clients see it (the supergraph without federation's machinery), in SDL:
 * what client code generators read (client/schema.graphql, written by `npm run compose`).
 */
export function apiSchemaSdl(): string {
  return `${printSchema(composed().schema.toAPISchema().toGraphQLJSSchema())}\n`;
}

function composed() {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: subgraphTypeDefs(name), url: `inprocess://${name}` })),
  );
  if (result.errors) {
    throw new CompositionError(
      `The subgraphs do not compose:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return result;
}
