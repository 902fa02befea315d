import { found } from '../../core/lookup';
import { proposalRef } from '../../core/refs';
import { budgetTextIn } from '../inLocale';
import type { BudgetProjectResolvers } from '../generated/resolvers';

export const BudgetProject: BudgetProjectResolvers = {
  __resolveReference: (ref, { stores }) => stores.projects.byId.load(ref.id),
  budget: async (p, _, { stores }) => found(await stores.budgets.byId.load(p.budgetId), `budget with id ${p.budgetId}`),
  title: (p, { locale }) => budgetTextIn(p, '', locale).title,
  description: (p, { locale }) => budgetTextIn(p, '', locale).description,
  // Stored translations name their languages; without them the project is in its budget's language.
  textLocale: async (p, { locale }, { stores }) => {
    const shown = budgetTextIn(p, '', locale).locale;
    return shown || found(await stores.budgets.byId.load(p.budgetId), `budget with id ${p.budgetId}`).locale;
  },
  proposal: (p) => (p.proposalId ? proposalRef(p.proposalId) : null),
};
