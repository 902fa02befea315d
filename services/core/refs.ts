/** Entity references: what a subgraph returns for an entity another subgraph owns. */
export interface MunicipalityRef {
  __typename?: 'Municipality';
  code: string;
}
export interface SourceRef {
  __typename?: 'Source';
  id: string;
}
export interface ProposalRef {
  __typename?: 'Proposal';
  id: string;
}
export interface BudgetRef {
  __typename?: 'Budget';
  id: string;
}
export interface BudgetProjectRef {
  __typename?: 'BudgetProject';
  id: string;
}

export const municipalityRef = (code: string): MunicipalityRef => ({ __typename: 'Municipality', code });
export const sourceRef = (id: string): SourceRef => ({ __typename: 'Source', id });
export const proposalRef = (id: string): ProposalRef => ({ __typename: 'Proposal', id });
export const budgetRef = (id: string): BudgetRef => ({ __typename: 'Budget', id });
export const budgetProjectRef = (id: string): BudgetProjectRef => ({ __typename: 'BudgetProject', id });
