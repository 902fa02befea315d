import type DataLoader from 'dataloader';
import { keys, partitions, sourceOf } from '../../core/dynamo/items';
import { itemLoader, type TableAccess } from '../../core/dynamo/loader';
import { equals, pageQuery, type Condition } from '../../core/dynamo/pageQuery';
import type { Platform, Source } from '../../core/model';
import type { Page, PageRequest } from '../../core/paging';

export interface SourceFilter {
  municipalityCode?: string;
  platform?: Platform;
  state?: Source['harvest']['state'];
}

/** The registered platform installations, in the domain's words. */
export interface SourceStore {
  /** Batched lookup by source id; null where no source has the id. */
  byId: DataLoader<string, Source | null>;
  /** Sources ordered by id. */
  list(filter: SourceFilter, page: PageRequest): Promise<Page<Source>>;
}

export function dynamoSourceStore(db: TableAccess): SourceStore {
  return {
    byId: itemLoader(db, keys.source, sourceOf),
    list: ({ municipalityCode, platform, state }, page) => {
      const filters: Condition[] = [];
      if (platform) filters.push(equals('platform', platform));
      if (state) filters.push(equals('state', state));
      return pageQuery(
        db.doc,
        db.table,
        municipalityCode
          ? { index: 'byParent', partition: partitions.sourcesOf(municipalityCode), filters, descending: false }
          : { index: 'byKind', partition: partitions.sources, filters, descending: false },
        page,
        sourceOf,
      );
    },
  };
}
