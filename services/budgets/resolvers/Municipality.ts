import { pageRequest, toConnection } from '../../core/paging';
import type { MunicipalityResolvers } from '../generated/resolvers';
import { budgetListFilter } from '../listArgs';

export const Municipality: MunicipalityResolvers = {
  budgets: async (m, { filter, first, after }, { stores }) => {
    const page = pageRequest(first, after);
    return toConnection(await stores.budgets.list({ ...budgetListFilter(filter), municipalityCode: m.code }, page));
  },
};
