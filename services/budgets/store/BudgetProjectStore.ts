import type DataLoader from 'dataloader';
import { keys, partitions, projectOf } from '../../core/dynamo/items';
import { itemLoader, type TableAccess } from '../../core/dynamo/loader';
import { pageQuery } from '../../core/dynamo/pageQuery';
import type { BudgetProject } from '../../core/model';
import type { Page, PageRequest } from '../../core/paging';

export type ProjectOrder = 'PLATFORM' | 'MOST_VOTES';

/** Projects within participatory budgets, in the domain's words. Removed projects are never listed. */
export interface BudgetProjectStore {
  /** Batched lookup by Inspraak id; null where none has the id. */
  byId: DataLoader<string, BudgetProject | null>;
  /** The projects of one budget, in the platform's order or by votes. */
  ofBudget(budgetId: string, order: ProjectOrder, page: PageRequest): Promise<Page<BudgetProject>>;
}

export function dynamoBudgetProjectStore(db: TableAccess): BudgetProjectStore {
  return {
    byId: itemLoader(db, keys.project, projectOf),
    ofBudget: (budgetId, order, page) =>
      pageQuery(db.doc, db.table, order === 'MOST_VOTES'
        ? { index: 'byParentRank', partition: partitions.projectsOf(budgetId), descending: true }
        : { index: 'byParent', partition: partitions.projectsOf(budgetId), descending: false }, page, projectOf),
  };
}
