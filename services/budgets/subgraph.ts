import { buildSubgraphSchema } from '@apollo/subgraph';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { subgraphTypeDefs } from '../core/schema';
import type { Subgraph } from '../core/subgraph';
import { createBudgetsContext, type BudgetsContext } from './context';
import type { Resolvers } from './generated/resolvers';
import { Budget } from './resolvers/Budget';
import { BudgetProject } from './resolvers/BudgetProject';
import { Money } from './resolvers/Money';
import { Municipality } from './resolvers/Municipality';
import { Provenance } from './resolvers/Provenance';
import { Query } from './resolvers/Query';

export const resolvers: Resolvers = {
  Query,
  Municipality,
  Budget,
  BudgetProject,
  Money,
  Provenance,
  DateTime: DateTimeResolver,
  SafeInt: SafeIntResolver,
};

/** The budgets subgraph over the table in `db`. */
export function createBudgetsSubgraph(db: TableAccess): Subgraph<BudgetsContext> {
  return {
    name: 'budgets',
    schema: buildSubgraphSchema({ typeDefs: subgraphTypeDefs('budgets'), resolvers: resolvers as never }),
    createContext: () => createBudgetsContext(db),
  };
}
