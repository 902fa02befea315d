import { checkItemId, found } from '../../core/lookup';
import { pageRequest, toConnection } from '../../core/paging';
import type { QueryResolvers } from '../generated/resolvers';
import { budgetListFilter } from '../listArgs';

export const Query: QueryResolvers = {
  budget: async (_, { id }, { stores }) =>
    found(await stores.budgets.byId.load(checkItemId(id, 'budget')), `budget with id ${id}`),
  budgets: async (_, { filter, first, after }, { stores }) => {
    const page = pageRequest(first, after);
    return toConnection(await stores.budgets.list(budgetListFilter(filter), page));
  },
  budgetProject: async (_, { id }, { stores }) =>
    found(await stores.projects.byId.load(checkItemId(id, 'project')), `budget project with id ${id}`),
};
