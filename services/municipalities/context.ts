import type { TableAccess } from '../core/dynamo/loader';
import { dynamoMunicipalityStore, type MunicipalityStore } from './store/MunicipalityStore';
import { dynamoSourceStore, type SourceStore } from './store/SourceStore';

/** What the municipalities subgraph's resolvers get for one request. */
export interface MunicipalitiesContext {
  stores: { municipalities: MunicipalityStore; sources: SourceStore };
}

export function createMunicipalitiesContext(db: TableAccess): MunicipalitiesContext {
  return { stores: { municipalities: dynamoMunicipalityStore(db), sources: dynamoSourceStore(db) } };
}
