import { pageRequest, toConnection } from '../../core/paging';
import type { MunicipalityResolvers } from '../generated/resolvers';

export const Municipality: MunicipalityResolvers = {
  id: (m) => m.code,
  __resolveReference: (ref, { stores }) => stores.municipalities.byCode.load(ref.code),
  sources: async (m, { first, after }, { stores }) =>
    toConnection(await stores.sources.list({ municipalityCode: m.code }, pageRequest(first, after))),
};
