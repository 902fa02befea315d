/** Entity references this subgraph returns; the owning subgraphs resolve them through the gateway. */
import type { ProposalRef } from '../core/refs';

export interface BudgetProjectRef {
  __typename?: 'BudgetProject';
  id: string;
}

export const budgetProjectRef = (id: string): BudgetProjectRef => ({ __typename: 'BudgetProject', id });

export type SearchHitRef = Required<ProposalRef> | Required<BudgetProjectRef>;
