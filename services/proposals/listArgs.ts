import { BadUserInputError } from '../core/errors';
import { checkMunicipalityCode } from '../core/lookup';
import { resolveProvince } from '../core/provinces';
import type { ProposalFilter } from './generated/resolvers';
import type { ProposalListFilter } from './store/ProposalStore';

/** Validates the GraphQL filter and turns it into the store's terms. */
export function proposalListFilter(filter: ProposalFilter | null | undefined): ProposalListFilter {
  if (!filter) return {};
  const after = filter.createdAfter?.toISOString();
  const before = filter.createdBefore?.toISOString();
  if (after && before && after >= before) {
    throw new BadUserInputError('`createdAfter` must be earlier than `createdBefore`.');
  }
  if (filter.tag !== undefined && filter.tag !== null && (filter.tag.trim() === '' || filter.tag.length > 100)) {
    throw new BadUserInputError('`tag` must be 1 to 100 characters.');
  }
  return {
    ...(filter.municipality && { municipalityCode: checkMunicipalityCode(filter.municipality) }),
    ...(filter.province && { provinceCode: resolveProvince(filter.province).code }),
    ...(filter.platform && { platform: filter.platform }),
    ...(filter.status && { status: filter.status }),
    ...(filter.tag && { tag: filter.tag }),
    ...(after && { createdAfter: after }),
    ...(before && { createdBefore: before }),
  };
}
