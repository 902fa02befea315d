import type { DocumentNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { subgraphTypeDefs } from '../core/schema';
import { defineSubgraph, type Subgraph } from '../core/subgraph';
import { buildSubgraphSchemaFast } from '../core/subgraphSchema';
import { municipalitiesConfigShape } from './config';
import { createMunicipalitiesContext, type ChangeFeedOptions, type MunicipalitiesContext } from './context';
import type { Resolvers } from './generated/resolvers';
import { Change } from './resolvers/Change';
import { Municipality } from './resolvers/Municipality';
import { Node } from './resolvers/Node';
import { Query } from './resolvers/Query';
import { Source } from './resolvers/Source';

export const resolvers: Resolvers = { Query, Municipality, Source, Node, Change, DateTime: DateTimeResolver };

/**
 * The municipalities subgraph over the table in `db` (its SDL: schema/municipalities.graphql); `options`
 * tune the change feed.
 */
export function createMunicipalitiesSubgraph(
  db: TableAccess,
  options: ChangeFeedOptions = {},
  typeDefs: DocumentNode = subgraphTypeDefs('municipalities'),
): Subgraph<MunicipalitiesContext> {
  return {
    name: 'municipalities',
    schema: buildSubgraphSchemaFast(typeDefs, resolvers as never),
    createContext: () => createMunicipalitiesContext(db, options),
  };
}

/** The municipalities subgraph's entry in the registry (services/gateway/subgraphs.ts). */
export const municipalitiesSubgraph = defineSubgraph({
  name: 'municipalities',
  configShape: municipalitiesConfigShape,
  codegen: {
    contextType: 'MunicipalitiesContext',
    mappers: {
      Municipality: '../../core/model#Municipality',
      Source: '../../core/model#Source',
      Proposal: '../../core/refs#ProposalRef',
      Budget: '../../core/refs#BudgetRef',
      BudgetProject: '../../core/refs#BudgetProjectRef',
      Change: '../store/ChangeFeed#ChangeEntry',
    },
  },
  create: ({ db, typeDefs }, config) =>
    createMunicipalitiesSubgraph(db, { changesSettleMs: config.INSPRAAK_CHANGES_SETTLE_MS }, typeDefs),
});
