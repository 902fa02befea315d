import { checkMunicipalityCode } from '../core/lookup';
import type { BudgetFilter } from './generated/resolvers';
import type { BudgetListFilter } from './store/BudgetStore';

/** Validates the GraphQL filter and turns it into the store's terms. */
export function budgetListFilter(filter: BudgetFilter | null | undefined): BudgetListFilter {
  return {
    ...(filter?.municipality && { municipalityCode: checkMunicipalityCode(filter.municipality) }),
    ...(filter?.platform && { platform: filter.platform }),
    ...(filter?.phase && { phase: filter.phase }),
  };
}
