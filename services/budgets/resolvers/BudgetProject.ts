import { found } from '../../core/lookup';
import { proposalRef } from '../../core/refs';
import type { BudgetProjectResolvers } from '../generated/resolvers';

export const BudgetProject: BudgetProjectResolvers = {
  __resolveReference: (ref, { stores }) => stores.projects.byId.load(ref.id),
  budget: async (p, _, { stores }) => found(await stores.budgets.byId.load(p.budgetId), `budget with id ${p.budgetId}`),
  proposal: (p) => (p.proposalId ? proposalRef(p.proposalId) : null),
};
