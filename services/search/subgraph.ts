import { buildSubgraphSchema } from '@apollo/subgraph';
import { DateTimeResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { loadMunicipalities } from '../core/registry';
import { subgraphTypeDefs } from '../core/schema';
import type { Subgraph } from '../core/subgraph';
import type { SearchContext } from './context';
import { municipalityDirectory, type MunicipalityDirectory } from './documents';
import { miniSearchEngines } from './engine/miniSearchEngine';
import type { Resolvers } from './generated/resolvers';
import { LiveSearchIndex, type LiveSearchIndexOptions } from './LiveSearchIndex';
import { Query } from './resolvers/Query';
import { dynamoSearchFeed } from './store/SearchFeed';

export const resolvers: Resolvers = { Query, DateTime: DateTimeResolver };

/** The SDL of the search subgraph (schema/search.graphql). */
export const searchTypeDefs = () => subgraphTypeDefs('search');

/**
 * The process's search index over the table in `db`: MiniSearch, fed from DynamoDB. It loads on the
 * first search; call `start()` on it in a long-running server to refresh on a timer.
 * @example const index = searchIndexOver(db); const stop = index.start();
 */
export function searchIndexOver(
  db: TableAccess,
  options: LiveSearchIndexOptions = {},
  municipalities: MunicipalityDirectory = municipalityDirectory(loadMunicipalities()),
): LiveSearchIndex {
  return new LiveSearchIndex(dynamoSearchFeed(db), miniSearchEngines, municipalities, options);
}

/** The search subgraph over `index` (one per process: every request shares it). */
export function createSearchSubgraph(
  index: SearchContext['index'],
  municipalities: MunicipalityDirectory = municipalityDirectory(loadMunicipalities()),
): Subgraph<SearchContext> {
  const context: SearchContext = { index, municipalities };
  return {
    name: 'search',
    schema: buildSubgraphSchema({ typeDefs: searchTypeDefs(), resolvers: resolvers as never }),
    createContext: () => context,
  };
}
