import { found } from '../../core/lookup';
import type { SourceResolvers } from '../generated/resolvers';

export const Source: SourceResolvers = {
  __resolveReference: (ref, { stores }) => stores.sources.byId.load(ref.id),
  municipality: async (s, _, { stores }) =>
    found(await stores.municipalities.byCode.load(s.municipalityCode), `municipality with code ${s.municipalityCode}`),
};
