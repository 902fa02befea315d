import { pageRequest, toConnection } from '../../core/paging';
import { municipalityRef } from '../../core/refs';
import { loadMunicipalities } from '../../core/registry';
import type { BudgetResolvers } from '../generated/resolvers';
import { budgetOutcome } from '../outcome/budgetOutcome';
import { budgetToPabulib } from '../pabulib/fromBudget';
import { writePabulib } from '../pabulib/write';

const municipalityNames = new Map(loadMunicipalities().map((m) => [m.code, m.name]));

export const Budget: BudgetResolvers = {
  __resolveReference: (ref, { stores }) => stores.budgets.byId.load(ref.id),
  municipality: (b) => municipalityRef(b.municipalityCode),
  outcome: async (b, _, { stores }) => budgetOutcome(b, await stores.projects.allOfBudget(b.id)),
  pabulib: async (b, _, { stores }) => {
    const projects = await stores.projects.allOfBudget(b.id);
    return writePabulib(
      budgetToPabulib(
        b,
        projects,
        municipalityNames.get(b.municipalityCode) ?? b.municipalityCode,
        budgetOutcome(b, projects),
      ),
    );
  },
  projects: async (b, { orderBy, first, after }, { stores }) =>
    toConnection(await stores.projects.ofBudget(b.id, orderBy ?? 'PLATFORM', pageRequest(first, after))),
};
