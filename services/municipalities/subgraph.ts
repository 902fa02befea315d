import { buildSubgraphSchema } from '@apollo/subgraph';
import { DateTimeResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { subgraphTypeDefs } from '../core/schema';
import type { Subgraph } from '../core/subgraph';
import { createMunicipalitiesContext, type MunicipalitiesContext } from './context';
import type { Resolvers } from './generated/resolvers';
import { Municipality } from './resolvers/Municipality';
import { Query } from './resolvers/Query';
import { Source } from './resolvers/Source';

export const resolvers: Resolvers = { Query, Municipality, Source, DateTime: DateTimeResolver };

/** The municipalities subgraph over the table in `db`. */
export function createMunicipalitiesSubgraph(db: TableAccess): Subgraph<MunicipalitiesContext> {
  return {
    name: 'municipalities',
    schema: buildSubgraphSchema({ typeDefs: subgraphTypeDefs('municipalities'), resolvers: resolvers as never }),
    createContext: () => createMunicipalitiesContext(db),
  };
}
