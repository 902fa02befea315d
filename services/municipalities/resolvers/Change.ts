import { budgetProjectRef, budgetRef, proposalRef } from '../../core/refs';
import type { ChangeResolvers } from '../generated/resolvers';

const REF = { PROPOSAL: proposalRef, BUDGET: budgetRef, BUDGET_PROJECT: budgetProjectRef } as const;

export const Change: ChangeResolvers = {
  item: (c) => REF[c.kind](c.id) as never,
};
