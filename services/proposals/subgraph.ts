import type { DocumentNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { subgraphTypeDefs } from '../core/schema';
import { defineSubgraph, type Subgraph } from '../core/subgraph';
import { buildSubgraphSchemaFast } from '../core/subgraphSchema';
import { createProposalsContext, type ProposalsContext } from './context';
import type { Resolvers } from './generated/resolvers';
import { Municipality } from './resolvers/Municipality';
import { Proposal } from './resolvers/Proposal';
import { Provenance } from './resolvers/Provenance';
import { Query } from './resolvers/Query';

export const resolvers: Resolvers = { Query, Municipality, Proposal, Provenance, DateTime: DateTimeResolver };

/** The proposals subgraph over the table in `db` (its SDL: schema/proposals.graphql). */
export function createProposalsSubgraph(
  db: TableAccess,
  typeDefs: DocumentNode = subgraphTypeDefs('proposals'),
): Subgraph<ProposalsContext> {
  return {
    name: 'proposals',
    schema: buildSubgraphSchemaFast(typeDefs, resolvers as never),
    createContext: () => createProposalsContext(db),
  };
}

/** The proposals subgraph's entry in the registry (services/gateway/subgraphs.ts). */
export const proposalsSubgraph = defineSubgraph({
  name: 'proposals',
  configShape: {},
  codegen: {
    contextType: 'ProposalsContext',
    mappers: {
      Municipality: '../../core/refs#MunicipalityRef',
      Source: '../../core/refs#SourceRef',
      Proposal: '../../core/model#Proposal',
      Provenance: '../../core/model#Provenance',
    },
  },
  create: ({ db, typeDefs }) => createProposalsSubgraph(db, typeDefs),
});
