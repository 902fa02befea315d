import type DataLoader from 'dataloader';
import { budgetOf, keys, partitions } from '../../core/dynamo/items';
import { itemLoader, type TableAccess } from '../../core/dynamo/loader';
import { equals, pageQuery, type Condition } from '../../core/dynamo/pageQuery';
import type { Budget, BudgetPhase, Platform } from '../../core/model';
import type { Page, PageRequest } from '../../core/paging';

export interface BudgetListFilter {
  municipalityCode?: string;
  platform?: Platform;
  phase?: BudgetPhase;
}

/** Harvested participatory budgets, in the domain's words. Removed budgets are never listed. */
export interface BudgetStore {
  /** Batched lookup by Inspraak id; null where none has the id. */
  byId: DataLoader<string, Budget | null>;
  /** Budgets, newest first. */
  list(filter: BudgetListFilter, page: PageRequest): Promise<Page<Budget>>;
}

export function dynamoBudgetStore(db: TableAccess): BudgetStore {
  return {
    byId: itemLoader(db, keys.budget, budgetOf),
    list: ({ municipalityCode, platform, phase }, page) => {
      const filters: Condition[] = [];
      if (platform) filters.push(equals('platform', platform));
      if (phase) filters.push(equals('phase', phase));
      return pageQuery(
        db.doc,
        db.table,
        municipalityCode
          ? { index: 'byParent', partition: partitions.budgetsOf(municipalityCode), filters, descending: true }
          : { index: 'byKind', partition: partitions.budgets, filters, descending: true },
        page,
        budgetOf,
      );
    },
  };
}
