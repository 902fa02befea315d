import { checkMunicipalityCode, checkSourceId, found } from '../../core/lookup';
import { pageRequest, toConnection } from '../../core/paging';
import { resolveProvince } from '../../core/provinces';
import type { QueryResolvers } from '../generated/resolvers';
import { CHANGE_KINDS } from '../store/ChangeFeed';

export const Query: QueryResolvers = {
  municipality: async (_, { code }, { stores }) =>
    found(await stores.municipalities.byCode.load(checkMunicipalityCode(code)), `municipality with code ${code}`),
  municipalities: async (_, { filter, first, after }, { stores }) => {
    const page = pageRequest(first, after);
    const provinceCode = filter?.province ? resolveProvince(filter.province).code : undefined;
    return toConnection(await stores.municipalities.list({ ...(provinceCode && { provinceCode }) }, page));
  },
  source: async (_, { id }, { stores }) =>
    found(await stores.sources.byId.load(checkSourceId(id)), `source with id ${id.slice(0, 80)}`),
  sources: async (_, { filter, first, after }, { stores }) => {
    const page = pageRequest(first, after);
    return toConnection(
      await stores.sources.list(
        {
          ...(filter?.municipality && { municipalityCode: checkMunicipalityCode(filter.municipality) }),
          ...(filter?.platform && { platform: filter.platform }),
          ...(filter?.state && { state: filter.state }),
        },
        page,
      ),
    );
  },
  node: async (_, { id }, { stores }) =>
    found(await stores.nodes.find(id), `object with id ${id.slice(0, 80)}`) as never,
  changes: async (_, { kinds, first, after }, { stores, changesHorizon }) =>
    toConnection(
      await stores.changes.page(kinds?.length ? kinds : CHANGE_KINDS, pageRequest(first, after), changesHorizon()),
    ),
};
