import type { TableAccess } from '../core/dynamo/loader';
import { dynamoProposalStore, type ProposalStore } from './store/ProposalStore';

/** What the proposals subgraph's resolvers get for one request. */
export interface ProposalsContext {
  stores: { proposals: ProposalStore };
}

export function createProposalsContext(db: TableAccess): ProposalsContext {
  return { stores: { proposals: dynamoProposalStore(db) } };
}
