import { checkItemId, found } from '../../core/lookup';
import { pageRequest, toConnection } from '../../core/paging';
import type { QueryResolvers } from '../generated/resolvers';
import { proposalListFilter } from '../listArgs';

export const Query: QueryResolvers = {
  proposal: async (_, { id }, { stores }) =>
    found(await stores.proposals.byId.load(checkItemId(id, 'proposal')), `proposal with id ${id}`),
  proposals: async (_, { filter, orderBy, first, after }, { stores }) => {
    const page = pageRequest(first, after);
    return toConnection(await stores.proposals.list(proposalListFilter(filter), orderBy ?? 'NEWEST', page));
  },
};
