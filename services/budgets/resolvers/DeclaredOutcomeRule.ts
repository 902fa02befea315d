import type { DeclaredOutcomeRuleResolvers } from '../generated/resolvers';

export const DeclaredOutcomeRule: DeclaredOutcomeRuleResolvers = {
  pabulibRule: (r) => r.rule,
};
