import type DataLoader from 'dataloader';
import { keys, partitions, proposalOf } from '../../core/dynamo/items';
import { itemLoader, type TableAccess } from '../../core/dynamo/loader';
import { equals, pageQuery, type Condition, type ListQuery } from '../../core/dynamo/pageQuery';
import type { Platform, Proposal, ProposalStatus } from '../../core/model';
import type { Page, PageRequest } from '../../core/paging';
import { fold } from '../../core/text';

export interface ProposalListFilter {
  municipalityCode?: string;
  provinceCode?: string;
  platform?: Platform;
  status?: ProposalStatus;
  /** A tag name; matched case- and accent-insensitively. */
  tag?: string;
  /** Inclusive lower bound, UTC ISO. */
  createdAfter?: string;
  /** Exclusive upper bound, UTC ISO. */
  createdBefore?: string;
}

export type ProposalListOrder = 'NEWEST' | 'OLDEST' | 'MOST_SUPPORTED';

/** Harvested proposals, in the domain's words. Removed proposals are never listed. */
export interface ProposalStore {
  /** Batched lookup by Inspraak id; null where none has the id. Removed proposals are returned. */
  byId: DataLoader<string, Proposal | null>;
  list(filter: ProposalListFilter, order: ProposalListOrder, page: PageRequest): Promise<Page<Proposal>>;
}

export function dynamoProposalStore(db: TableAccess): ProposalStore {
  return {
    byId: itemLoader(db, keys.proposal, proposalOf),
    list: (filter, order, page) => pageQuery(db.doc, db.table, listQuery(filter, order), page, proposalOf),
  };
}

/** Chooses the narrowest index partition for the filter and turns the rest into conditions. */
function listQuery(f: ProposalListFilter, order: ProposalListOrder): ListQuery {
  const byRank = order === 'MOST_SUPPORTED';
  const filters: Condition[] = [];
  let index: ListQuery['index'];
  let partition: string;
  if (f.municipalityCode) {
    index = byRank ? 'byParentRank' : 'byParent';
    partition = partitions.proposalsOf(f.municipalityCode);
    if (f.provinceCode) filters.push(equals('provinceKey', partitions.proposalsOfProvince(f.provinceCode)));
  } else if (f.provinceCode) {
    index = byRank ? 'byProvinceRank' : 'byProvince';
    partition = partitions.proposalsOfProvince(f.provinceCode);
  } else {
    index = byRank ? 'byKindRank' : 'byKind';
    partition = partitions.proposals;
  }
  if (f.platform) filters.push(equals('platform', f.platform));
  if (f.status) filters.push(equals('status', f.status));
  if (f.tag)
    filters.push({
      expression: 'contains(#tagKeys, :tag)',
      names: { '#tagKeys': 'tagKeys' },
      values: { ':tag': fold(f.tag) },
    });

  const query: ListQuery = { index, partition, filters, descending: order !== 'OLDEST' };
  if (f.createdAfter || f.createdBefore) {
    if (byRank) {
      // The rank index sorts by supports, so the time range becomes a filter.
      if (f.createdAfter)
        filters.push({
          expression: '#time >= :after',
          names: { '#time': 'time' },
          values: { ':after': f.createdAfter },
        });
      if (f.createdBefore)
        filters.push({
          expression: '#time < :before',
          names: { '#time': 'time' },
          values: { ':before': f.createdBefore },
        });
    } else {
      // orderKey is `<time>#<id>`: `>= after` includes that instant, `<= before` excludes it (`T#…` > `T`).
      query.sortRange = {
        ...(f.createdAfter && { from: f.createdAfter }),
        ...(f.createdBefore && { to: f.createdBefore }),
      };
    }
  }
  return query;
}
