import { buildSubgraphSchema } from '@apollo/subgraph';
import { DateTimeResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { subgraphTypeDefs } from '../core/schema';
import type { Subgraph } from '../core/subgraph';
import { createProposalsContext, type ProposalsContext } from './context';
import type { Resolvers } from './generated/resolvers';
import { Municipality } from './resolvers/Municipality';
import { Proposal } from './resolvers/Proposal';
import { Provenance } from './resolvers/Provenance';
import { Query } from './resolvers/Query';

export const resolvers: Resolvers = { Query, Municipality, Proposal, Provenance, DateTime: DateTimeResolver };

/** The proposals subgraph over the table in `db`. */
export function createProposalsSubgraph(db: TableAccess): Subgraph<ProposalsContext> {
  return {
    name: 'proposals',
    schema: buildSubgraphSchema({ typeDefs: subgraphTypeDefs('proposals'), resolvers: resolvers as never }),
    createContext: () => createProposalsContext(db),
  };
}
