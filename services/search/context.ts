import type { MunicipalityDirectory } from './documents';
import type { LiveSearchIndex } from './LiveSearchIndex';

/** What the search subgraph's resolvers get for one request: the process's one index. */
export interface SearchContext {
  index: Pick<LiveSearchIndex, 'current'>;
  municipalities: MunicipalityDirectory;
}
