import type DataLoader from 'dataloader';
import { keys, municipalityOf, partitions } from '../../core/dynamo/items';
import { itemLoader, type TableAccess } from '../../core/dynamo/loader';
import { pageQuery } from '../../core/dynamo/pageQuery';
import type { Municipality } from '../../core/model';
import type { Page, PageRequest } from '../../core/paging';

/** The municipalities, in the domain's words. */
export interface MunicipalityStore {
  /** Batched lookup by CBS code; null where no municipality has the code. */
  byCode: DataLoader<string, Municipality | null>;
  /** Municipalities ordered by name, optionally of one province (by CBS province code). */
  list(filter: { provinceCode?: string }, page: PageRequest): Promise<Page<Municipality>>;
}

/** The DynamoDB implementation; make one per request so its loader batches within that request. */
export function dynamoMunicipalityStore(db: TableAccess): MunicipalityStore {
  return {
    byCode: itemLoader(db, keys.municipality, municipalityOf),
    list: ({ provinceCode }, page) =>
      pageQuery(
        db.doc,
        db.table,
        provinceCode
          ? { index: 'byProvince', partition: partitions.municipalitiesOfProvince(provinceCode), descending: false }
          : { index: 'byKind', partition: partitions.municipalities, descending: false },
        page,
        municipalityOf,
      ),
  };
}
