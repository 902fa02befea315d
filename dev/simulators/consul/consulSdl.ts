/**
 * The GraphQL schema the simulator serves, reconstructed in docs/upstreams/consul.md §4 from app/graphql/types/*.rb.
 * Left out on purpose: the deprecated snake_case alias of every field (docs/upstreams/consul.md §4, "Every field whose
 * Ruby name contains `_` is defined twice"); the adapter only uses the camelCase names.
 */

/** `2.4.1`: 2.2.1 – main, with budgets, milestones and limits. `2.2.0`: 1.5.0 – 2.2.0 (docs/upstreams/consul.md §1). */
export type ConsulGeneration = '2.4.1' | '2.2.0';

const page = '(after: String, before: String, first: Int, last: Int)';

function connections(types: string[]): string {
  return types
    .map(
      (t) =>
        `type ${t}Connection { edges: [${t}Edge] nodes: [${t}] pageInfo: PageInfo! }\ntype ${t}Edge { cursor: String! node: ${t} }`,
    )
    .join('\n');
}

/**
 * The SDL of one generation. `drift` renames `Proposal.cachedVotesUp` to `supportsCount`, as an upgrade
 * the adapter does not know would (the simulator's `drift` fault).
 */
export function consulSdl(generation: ConsulGeneration, options: { drift?: boolean } = {}): string {
  const modern = generation === '2.4.1';
  const votes = options.drift ? 'supportsCount: Int' : 'cachedVotesUp: Int';
  return `
scalar BigInt
scalar ISO8601Date
scalar ISO8601DateTime

type Query {
  ${modern ? `budgets${page}: BudgetConnection!\n  budget(id: ID!): Budget!` : ''}
  comments${page}: CommentConnection!
  comment(id: ID!): Comment!
  debates${page}: DebateConnection!
  debate(id: ID!): Debate!
  geozones${page}: GeozoneConnection!
  geozone(id: ID!): Geozone!
  ${modern ? `milestones${page}: MilestoneConnection!\n  milestone(id: ID!): Milestone!` : ''}
  proposals${page}: ProposalConnection!
  proposal(id: ID!): Proposal!
  proposalNotifications${page}: ProposalNotificationConnection!
  proposalNotification(id: ID!): ProposalNotification!
  tags${page}: TagConnection!
  tag(id: ID!): Tag!
  users${page}: UserConnection!
  user(id: ID!): User!
  votes${page}: VoteConnection!
  vote(id: ID!): Vote!
}
${
  modern
    ? `
type Budget {
  id: ID!
  name: String
  phase: String
  investments${page}: BudgetInvestmentConnection!
  investment(id: ID!): BudgetInvestment!
}

type BudgetInvestment {
  id: ID!
  publicAuthor: User
  price: BigInt
  feasibility: String
  title: String
  description: String
  location: String
  comments${page}: CommentConnection
  commentsCount: Int
  milestones${page}: MilestoneConnection
}

type Milestone {
  title: String
  description: String
  id: ID!
  publicationDate: ISO8601Date
}
`
    : ''
}
type Proposal {
  ${votes}
  comments${page}: CommentConnection
  commentsCount: Int
  confidenceScore: Int
  description: String
  geozone: Geozone
  geozoneId: Int
  hotScore: Int
  id: ID!
  proposalNotifications${page}: ProposalNotificationConnection
  publicAuthor: User
  publicCreatedAt: String
  retiredAt: ISO8601DateTime
  retiredExplanation: String
  retiredReason: String
  summary: String
  tags${page}: TagConnection
  title: String
  videoUrl: String
  votesFor${page}: VoteConnection
  ${modern ? `milestones${page}: MilestoneConnection` : ''}
}

type Debate {
  cachedVotesDown: Int
  cachedVotesTotal: Int
  cachedVotesUp: Int
  comments${page}: CommentConnection
  commentsCount: Int
  confidenceScore: Int
  description: String
  hotScore: Int
  id: ID!
  publicAuthor: User
  publicCreatedAt: String
  tags${page}: TagConnection
  title: String
  votesFor${page}: VoteConnection
}

type Comment {
  ancestry: String
  body: String
  cachedVotesDown: Int
  cachedVotesTotal: Int
  cachedVotesUp: Int
  commentableId: Int
  commentableType: String
  confidenceScore: Int!
  id: ID!
  publicAuthor: User
  publicCreatedAt: String
  votesFor${page}: VoteConnection
}

type Geozone { id: ID! name: String }

type ProposalNotification {
  body: String
  id: ID!
  proposal: Proposal
  proposalId: Int
  publicCreatedAt: String
  title: String
}

type Tag {
  id: ID!
  kind: String
  name: String
  taggingsCount: Int
}

type User {
  id: ID!
  publicComments${page}: CommentConnection
  publicDebates${page}: DebateConnection
  publicProposals${page}: ProposalConnection
  username: String
}

type Vote {
  id: ID!
  publicCreatedAt: String
  votableId: Int
  votableType: String
  voteFlag: Boolean
}

type PageInfo { endCursor: String hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String }
${connections([...(modern ? ['Budget', 'BudgetInvestment', 'Milestone'] : []), 'Comment', 'Debate', 'Geozone', 'Proposal', 'ProposalNotification', 'Tag', 'User', 'Vote'])}
`;
}
