import type { TableAccess } from '../core/dynamo/loader';
import { dynamoChangeFeed, type ChangeFeed } from './store/ChangeFeed';
import { dynamoMunicipalityStore, type MunicipalityStore } from './store/MunicipalityStore';
import { nodeDirectory, type NodeDirectory } from './store/NodeDirectory';
import { dynamoSourceStore, type SourceStore } from './store/SourceStore';

/** How the change feed holds back fresh entries; see docs/changes.md. */
export interface ChangeFeedOptions {
  /** Entries younger than this are not listed yet. Default 60 000 ms. */
  changesSettleMs?: number;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

export const DEFAULT_CHANGES_SETTLE_MS = 60_000;

/** What the municipalities subgraph's resolvers get for one request. */
export interface MunicipalitiesContext {
  stores: { municipalities: MunicipalityStore; sources: SourceStore; nodes: NodeDirectory; changes: ChangeFeed };
  /** The latest time the change feed may list: now minus the settle time, as an ISO string. */
  changesHorizon(): string;
}

export function createMunicipalitiesContext(db: TableAccess, options: ChangeFeedOptions = {}): MunicipalitiesContext {
  const municipalities = dynamoMunicipalityStore(db);
  const sources = dynamoSourceStore(db);
  const settle = options.changesSettleMs ?? DEFAULT_CHANGES_SETTLE_MS;
  const now = options.now ?? (() => new Date());
  return {
    stores: {
      municipalities,
      sources,
      nodes: nodeDirectory(db, { municipalities, sources }),
      changes: dynamoChangeFeed(db),
    },
    changesHorizon: () => new Date(now().getTime() - settle).toISOString(),
  };
}
