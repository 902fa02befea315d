import type { DocumentNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { loadMunicipalities } from '../core/registry';
import { subgraphTypeDefs } from '../core/schema';
import { defineSubgraph, type Subgraph } from '../core/subgraph';
import { buildSubgraphSchemaFast } from '../core/subgraphSchema';
import { searchConfigShape, searchIndexOptions } from './config';
import { downloadSnapshot, snapshotS3 } from './snapshotStore';
import { log } from '../core/log';
import type { SearchContext } from './context';
import { municipalityDirectory, type MunicipalityDirectory } from './documents';
import { postingsEngines } from './engine/postingsEngine';
import type { Resolvers } from './generated/resolvers';
import { LiveSearchIndex, type LiveSearchIndexOptions } from './LiveSearchIndex';
import { Query } from './resolvers/Query';
import { dynamoSearchFeed } from './store/SearchFeed';

export const resolvers: Resolvers = { Query, DateTime: DateTimeResolver };

/** The SDL of the search subgraph (schema/search.graphql). */
export const searchTypeDefs = () => subgraphTypeDefs('search');

/**
 * The process's search index over the table in `db`: our postings engine, fed from DynamoDB. It loads on the
 * first search; call `start()` on it in a long-running server to refresh on a timer.
 * @example const index = searchIndexOver(db); const stop = index.start();
 */
export function searchIndexOver(
  db: TableAccess,
  options: LiveSearchIndexOptions = {},
  municipalities: MunicipalityDirectory = municipalityDirectory(loadMunicipalities()),
): LiveSearchIndex {
  return new LiveSearchIndex(dynamoSearchFeed(db), postingsEngines, municipalities, options);
}

/** The search subgraph over `index` (one per process: every request shares it). */
export function createSearchSubgraph(
  index: SearchContext['index'],
  municipalities: MunicipalityDirectory = municipalityDirectory(loadMunicipalities()),
  typeDefs: DocumentNode = searchTypeDefs(),
): Subgraph<SearchContext> {
  const context: SearchContext = { index, municipalities };
  return {
    name: 'search',
    schema: buildSubgraphSchemaFast(typeDefs, resolvers as never),
    createContext: () => context,
  };
}

/**
 * The search subgraph's entry in the registry (services/gateway/subgraphs.ts): one index per process,
 * configured by INSPRAAK_SEARCH_* wherever it runs (in the gateway's process too). In-process and on
 * Lambda it loads on the first search and refreshes on requests; a server of its own loads it before
 * serving and refreshes it on a timer (`start`).
 */
export const searchSubgraph = defineSubgraph({
  name: 'search',
  configShape: searchConfigShape,
  codegen: {
    contextType: 'SearchContext',
    mappers: {
      Proposal: '../../core/refs#ProposalRef',
      BudgetProject: '../../core/refs#BudgetProjectRef',
    },
  },
  create: ({ db, typeDefs, region }, config) => {
    const municipalities = municipalityDirectory(loadMunicipalities());
    const options = searchIndexOptions(config);
    const index = searchIndexOver(db, options, municipalities);
    const bucket = config.INSPRAAK_SEARCH_SNAPSHOT_BUCKET;
    // With a snapshot bucket (AWS): download and restore at init, then catch up from the change feed,
    // so that the first search does not wait for a load from DynamoDB. A failed download is logged and
    // the index loads from DynamoDB, as without a bucket.
    const ready = bucket
      ? snapshotS3(region)
          .then((s3) =>
            downloadSnapshot(s3, { bucket, key: config.INSPRAAK_SEARCH_SNAPSHOT_KEY }, options.snapshotPath!),
          )
          .catch((e: unknown) => log.error('search: snapshot download failed', { error: (e as Error).message }))
          .then(() => index.load())
          .catch(() => undefined) // a failed load is retried (and reported) by the first search
      : undefined;
    const served: SearchContext['index'] = ready
      ? {
          current: async () => {
            await ready;
            return index.current();
          },
        }
      : index;
    return {
      ...createSearchSubgraph(served, municipalities, typeDefs),
      start: async () => {
        await ready;
        await index.load();
        return index.start();
      },
    };
  },
});
