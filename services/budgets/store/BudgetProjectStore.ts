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
  /** Every listed project of one budget, in the platform's order (for outcomes and exports). */
  allOfBudget(budgetId: string): Promise<BudgetProject[]>;
}

/** More projects than any real budget has; a bound so that one request cannot read without end. */
export const MAX_PROJECTS_PER_BUDGET = 2000;

export function dynamoBudgetProjectStore(db: TableAccess): BudgetProjectStore {
  const memo = new Map<string, Promise<BudgetProject[]>>(); // per request, like the loaders
  return {
    byId: itemLoader(db, keys.project, projectOf),
    ofBudget: (budgetId, order, page) =>
      pageQuery(
        db.doc,
        db.table,
        order === 'MOST_VOTES'
          ? { index: 'byParentRank', partition: partitions.projectsOf(budgetId), descending: true }
          : { index: 'byParent', partition: partitions.projectsOf(budgetId), descending: false },
        page,
        projectOf,
      ),
    allOfBudget: (budgetId) => {
      let found = memo.get(budgetId);
      if (!found) {
        found = readAll(budgetId);
        memo.set(budgetId, found);
      }
      return found;
    },
  };

  async function readAll(budgetId: string): Promise<BudgetProject[]> {
    const all: BudgetProject[] = [];
    let after: string | null = null;
    do {
      const page: Page<BudgetProject> = await pageQuery(
        db.doc,
        db.table,
        { index: 'byParent', partition: partitions.projectsOf(budgetId), descending: false },
        { first: 100, after },
        projectOf,
      );
      all.push(...page.items.map((i) => i.node));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after && all.length < MAX_PROJECTS_PER_BUDGET);
    return all;
  }
}
