import { pageRequest, toConnection } from '../../core/paging';
import { municipalityRef } from '../../core/refs';
import type { BudgetResolvers } from '../generated/resolvers';

export const Budget: BudgetResolvers = {
  __resolveReference: (ref, { stores }) => stores.budgets.byId.load(ref.id),
  municipality: (b) => municipalityRef(b.municipalityCode),
  projects: async (b, { orderBy, first, after }, { stores }) =>
    toConnection(await stores.projects.ofBudget(b.id, orderBy ?? 'PLATFORM', pageRequest(first, after))),
};
