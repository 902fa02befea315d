import { buildSubgraphSchema } from '@apollo/subgraph';
import { DateTimeResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { subgraphTypeDefs } from '../core/schema';
import type { Subgraph } from '../core/subgraph';
import { createMunicipalitiesContext, type ChangeFeedOptions, type MunicipalitiesContext } from './context';
import type { Resolvers } from './generated/resolvers';
import { Change } from './resolvers/Change';
import { Municipality } from './resolvers/Municipality';
import { Node } from './resolvers/Node';
import { Query } from './resolvers/Query';
import { Source } from './resolvers/Source';

export const resolvers: Resolvers = { Query, Municipality, Source, Node, Change, DateTime: DateTimeResolver };

/** The municipalities subgraph over the table in `db`; `options` tune the change feed. */
export function createMunicipalitiesSubgraph(
  db: TableAccess,
  options: ChangeFeedOptions = {},
): Subgraph<MunicipalitiesContext> {
  return {
    name: 'municipalities',
    schema: buildSubgraphSchema({ typeDefs: subgraphTypeDefs('municipalities'), resolvers: resolvers as never }),
    createContext: () => createMunicipalitiesContext(db, options),
  };
}
