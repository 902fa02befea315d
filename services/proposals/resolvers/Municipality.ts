import { pageRequest, toConnection } from '../../core/paging';
import type { MunicipalityResolvers } from '../generated/resolvers';
import { proposalListFilter } from '../listArgs';

export const Municipality: MunicipalityResolvers = {
  proposals: async (m, { filter, orderBy, first, after }, { stores }) => {
    const page = pageRequest(first, after);
    const listFilter = { ...proposalListFilter(filter), municipalityCode: m.code };
    return toConnection(await stores.proposals.list(listFilter, orderBy ?? 'NEWEST', page));
  },
};
