import type { NodeResolvers } from '../generated/resolvers';

export const Node: NodeResolvers = {
  // Objects from `Query.node` carry their type; entity references do by definition.
  __resolveType: (obj) =>
    (obj as { __typename: 'Municipality' | 'Source' | 'Proposal' | 'Budget' | 'BudgetProject' }).__typename,
};
