import type { DocumentNode } from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { TableAccess } from '../core/dynamo/loader';
import { subgraphTypeDefs } from '../core/schema';
import { defineSubgraph, type Subgraph } from '../core/subgraph';
import { buildSubgraphSchemaFast } from '../core/subgraphSchema';
import { createBudgetsContext, type BudgetsContext } from './context';
import type { Resolvers } from './generated/resolvers';
import { Budget } from './resolvers/Budget';
import { DeclaredOutcomeRule } from './resolvers/DeclaredOutcomeRule';
import { BudgetProject } from './resolvers/BudgetProject';
import { Money } from './resolvers/Money';
import { Municipality } from './resolvers/Municipality';
import { Provenance } from './resolvers/Provenance';
import { Query } from './resolvers/Query';

export const resolvers: Resolvers = {
  Query,
  Municipality,
  Budget,
  DeclaredOutcomeRule,
  BudgetProject,
  Money,
  Provenance,
  DateTime: DateTimeResolver,
  SafeInt: SafeIntResolver,
};

/** The budgets subgraph over the table in `db` (its SDL: schema/budgets.graphql). */
export function createBudgetsSubgraph(
  db: TableAccess,
  typeDefs: DocumentNode = subgraphTypeDefs('budgets'),
): Subgraph<BudgetsContext> {
  return {
    name: 'budgets',
    schema: buildSubgraphSchemaFast(typeDefs, resolvers as never),
    createContext: () => createBudgetsContext(db),
  };
}

/** The budgets subgraph's entry in the registry (services/gateway/subgraphs.ts). */
export const budgetsSubgraph = defineSubgraph({
  name: 'budgets',
  configShape: {},
  codegen: {
    contextType: 'BudgetsContext',
    mappers: {
      Municipality: '../../core/refs#MunicipalityRef',
      Source: '../../core/refs#SourceRef',
      Proposal: '../../core/refs#ProposalRef',
      Budget: '../../core/model#Budget',
      BudgetProject: '../../core/model#BudgetProject',
      Provenance: '../../core/model#Provenance',
      Money: '../../core/model#Money',
      BudgetOutcome: '../outcome/budgetOutcome#Outcome',
      OutcomeUnavailable: '../outcome/budgetOutcome#OutcomeUnavailable',
      DeclaredOutcomeRule: '../../core/model#DeclaredOutcomeRule',
    },
  },
  create: ({ db, typeDefs }) => createBudgetsSubgraph(db, typeDefs),
});
