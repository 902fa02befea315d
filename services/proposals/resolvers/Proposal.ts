import { municipalityRef } from '../../core/refs';
import type { ProposalResolvers } from '../generated/resolvers';

export const Proposal: ProposalResolvers = {
  __resolveReference: (ref, { stores }) => stores.proposals.byId.load(ref.id),
  municipality: (p) => municipalityRef(p.municipalityCode),
};
