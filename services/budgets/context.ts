import type { TableAccess } from '../core/dynamo/loader';
import { dynamoBallotStore, type BallotStore } from './store/BallotStore';
import { dynamoBudgetProjectStore, type BudgetProjectStore } from './store/BudgetProjectStore';
import { dynamoBudgetStore, type BudgetStore } from './store/BudgetStore';

/** What the budgets subgraph's resolvers get for one request. */
export interface BudgetsContext {
  stores: { budgets: BudgetStore; projects: BudgetProjectStore; ballots: BallotStore };
}

export function createBudgetsContext(db: TableAccess): BudgetsContext {
  return {
    stores: { budgets: dynamoBudgetStore(db), projects: dynamoBudgetProjectStore(db), ballots: dynamoBallotStore(db) },
  };
}
