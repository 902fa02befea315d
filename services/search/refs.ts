/** Entity references this subgraph returns; the owning subgraphs resolve them through the gateway. */
import type { BudgetProjectRef, ProposalRef } from '../core/refs';

export type SearchHitRef = Required<ProposalRef> | Required<BudgetProjectRef>;
