/**
 * The SDL the simulator serves, per version: docs/upstreams/decidim.md §3 (the parts that matter for proposals and
 * budgets) with the version markers of §3 and §7. `drift` plays an upgrade the adapter does not know:
 * `Proposal.voteCount` becomes `votesCount` and `Budget.total_budget` becomes `totalBudget` (the 0.33
 * rename announced in §7), so a query that names the old fields fails validation as a whole.
 */
import { atLeast, type DecidimVersion } from './version';

/** The SDL of one version; `drift` renames two fields as described above. */
export function decidimSdl(version: DecidimVersion, drift = false): string {
  const at = (min: DecidimVersion) => atLeast(version, min);
  const when = (cond: boolean, text: string) => (cond ? text : '');
  const classification = at('0.30') ? 'taxonomies: [Taxonomy!]' : 'category: Category\n  scope: Scope';
  const translatedString = at('0.29') ? 'TranslatedField!' : 'String!';
  const commentable = `type: String!
  acceptsNewComments: Boolean!
  totalCommentsCount: Int!
  hasComments: Boolean!`;
  const dateOfStep = at('0.28') ? 'DateTime' : 'Date';

  return `
scalar DateTime
scalar Date
scalar JSON

type Query {
  participatoryProcesses(filter: ParticipatoryProcessFilter, order: ParticipatoryProcessSort): [ParticipatoryProcess!]
  participatoryProcess(id: ID, slug: String): ParticipatoryProcess
  assemblies(filter: ParticipatoryProcessFilter, order: ParticipatoryProcessSort): [Assembly!]
  assembly(id: ID): Assembly
  component(id: ID!): ComponentInterface
  decidim: Decidim
  organization: Organization
}

type Decidim { version: String  applicationName: String! }

type Organization {
  name: ${at('0.29') ? 'TranslatedField' : 'String'}
  ${when(at('0.30'), 'taxonomies: [Taxonomy!]')}
}

type TranslatedField {
  locales: [String]
  translations(locales: [String!]): [LocalizedString]!
  translation(locale: String!): String
}
type LocalizedString { locale: String!  text: String  machineTranslated: Boolean! }
type Coordinates { latitude: Float!  longitude: Float! }
type Category { id: ID!  name: TranslatedField!  subcategories: [Category]!  parent: Category }
type Scope { id: ID!  name: TranslatedField!  children: [Scope]!  parent: Scope }
${when(at('0.30'), 'type Taxonomy { id: ID!  name: TranslatedField!  isRoot: Boolean!  children: [Taxonomy!]!  parent: Taxonomy }')}
type Attachment { url: String!  type: String!  thumbnail: String ${when(at('0.28'), 'title: TranslatedField!  description: TranslatedField!')} }

interface Author {
  id: ID!  name: String!  nickname: String!  avatarUrl: String!  profilePath: String!  badge: String!  deleted: Boolean!
  organizationName: ${translatedString}
}
type User implements Author {
  id: ID!  name: String!  nickname: String!  avatarUrl: String!  profilePath: String!  badge: String!  deleted: Boolean!
  organizationName: ${translatedString}
}

type PageInfo { hasNextPage: Boolean!  hasPreviousPage: Boolean!  startCursor: String  endCursor: String }

${when(at('0.28'), 'type ParticipatorySpaceManifest { name: String! }')}

interface ParticipatorySpaceInterface {
  id: ID!
  title: TranslatedField!
  type: String!
  ${when(at('0.28'), 'manifest: ParticipatorySpaceManifest!')}
  components(filter: ComponentFilter, order: ComponentSort): ${at('0.30') ? '[ComponentInterface]' : '[ComponentInterface!]'}
}
type ParticipatorySpace implements ParticipatorySpaceInterface {
  id: ID!  title: TranslatedField!  type: String!
  ${when(at('0.28'), 'manifest: ParticipatorySpaceManifest!')}
  components(filter: ComponentFilter, order: ComponentSort): ${at('0.30') ? '[ComponentInterface]' : '[ComponentInterface!]'}
}
type ParticipatoryProcessStep {
  id: ID!  title: TranslatedField  description: TranslatedField  startDate: ${dateOfStep}  endDate: ${dateOfStep}  active: Boolean  position: Int
}
type ParticipatoryProcess implements ParticipatorySpaceInterface {
  id: ID!  title: TranslatedField!  type: String!
  ${when(at('0.28'), 'manifest: ParticipatorySpaceManifest!')}
  components(filter: ComponentFilter, order: ComponentSort): ${at('0.30') ? '[ComponentInterface]' : '[ComponentInterface!]'}
  slug: String!  hashtag: String  reference: String
  createdAt: DateTime!  updatedAt: DateTime!  publishedAt: DateTime!
  subtitle: TranslatedField  description: TranslatedField  shortDescription: TranslatedField
  startDate: Date  endDate: Date  promoted: Boolean
  steps: [ParticipatoryProcessStep]!
  categories: [Category]!
  ${at('0.30') ? 'taxonomies: [Taxonomy!]' : 'scope: Scope'}
}
type Assembly implements ParticipatorySpaceInterface {
  id: ID!  title: TranslatedField!  type: String!
  ${when(at('0.28'), 'manifest: ParticipatorySpaceManifest!')}
  components(filter: ComponentFilter, order: ComponentSort): ${at('0.30') ? '[ComponentInterface]' : '[ComponentInterface!]'}
  slug: String!  reference: String
  createdAt: DateTime!  updatedAt: DateTime!  publishedAt: DateTime!
  subtitle: TranslatedField  description: TranslatedField
  categories: [Category]!
  parent: Assembly
  children: [Assembly]
  childrenCount: Int
}
input ParticipatoryProcessFilter { publishedBefore: String  publishedSince: String  hashtag: String }
input ParticipatoryProcessSort { id: String  publishedAt: String  startDate: String }

interface ComponentInterface {
  id: ID!  name: TranslatedField!  weight: Int!  participatorySpace: ParticipatorySpace!
  ${when(at('0.31'), 'url: String!  publishedAt: DateTime!')}
}
type Component implements ComponentInterface {
  id: ID!  name: TranslatedField!  weight: Int!  participatorySpace: ParticipatorySpace!
  ${when(at('0.31'), 'url: String!  publishedAt: DateTime!')}
}
input ComponentFilter { type: String  name: String  locale: String  withGeolocationEnabled: Boolean  withCommentsEnabled: Boolean  publishedBefore: String  publishedSince: String }
input ComponentSort { id: String  weight: String  type: String  name: String  locale: String }

type Proposals implements ComponentInterface {
  id: ID!  name: TranslatedField!  weight: Int!  participatorySpace: ParticipatorySpace!
  ${when(at('0.31'), 'url: String!  publishedAt: DateTime!')}
  proposals(first: Int, after: String, last: Int, before: String, filter: ProposalFilter, order: ProposalSort): ProposalConnection
  proposal(id: ID!): Proposal
}
input ProposalFilter { publishedBefore: String  publishedSince: String }
input ProposalSort { id: String  publishedAt: String  ${at('0.31') ? 'likeCount' : 'endorsementCount'}: String  voteCount: String }
type ProposalConnection { edges: [ProposalEdge]  nodes: [Proposal]  pageInfo: PageInfo! }
type ProposalEdge { cursor: String!  node: Proposal }
${when(at('0.31'), 'type ProposalState { id: ID!  title: TranslatedField  announcementTitle: TranslatedField  bgColor: String  textColor: String  proposalsCount: Int }')}

type Proposal {
  id: ID!
  title: TranslatedField
  body: TranslatedField
  address: String
  coordinates: Coordinates
  reference: String
  state: String
  answer: TranslatedField
  answeredAt: DateTime
  publishedAt: DateTime
  participatoryTextLevel: String
  position: Int
  official: Boolean
  createdInMeeting: Boolean
  ${drift ? 'votesCount: Int' : 'voteCount: Int'}
  ${when(at('0.29'), 'withdrawn: Boolean\n  withdrawnAt: DateTime')}
  createdAt: DateTime
  updatedAt: DateTime
  authorsCount: Int
  author: Author
  authors: [Author]!
  ${classification}
  ${at('0.31') ? 'likes: [Author]!\n  likesCount: Int' : 'endorsements: [Author]!\n  endorsementsCount: Int'}
  attachments: [Attachment]!
  versionsCount: Int!
  ${commentable}
  ${when(at('0.31'), 'url: String!\n  followsCount: Int\n  proposalState: ProposalState')}
}

type Budgets implements ComponentInterface {
  id: ID!  name: TranslatedField!  weight: Int!  participatorySpace: ParticipatorySpace!
  ${when(at('0.31'), 'url: String!  publishedAt: DateTime!')}
  budgets(first: Int, after: String, last: Int, before: String): BudgetConnection
  budget(id: ID!): Budget
}
type BudgetConnection { edges: [BudgetEdge]  nodes: [Budget]  pageInfo: PageInfo! }
type BudgetEdge { cursor: String!  node: Budget }
type Budget {
  id: ID!
  title: TranslatedField!
  description: TranslatedField!
  ${drift ? 'totalBudget: Int!' : 'total_budget: Int!'}
  createdAt: DateTime
  updatedAt: DateTime
  projects: [Project]!
  ${when(!at('0.30'), 'scope: Scope')}
  versionsCount: Int!
  ${when(at('0.31'), 'weight: Int!\n  url: String!\n  taxonomies: [Taxonomy!]')}
}
type Project {
  id: ID!
  title: TranslatedField
  description: TranslatedField
  budget_amount: Int
  selected: Boolean
  reference: String
  createdAt: DateTime
  updatedAt: DateTime
  ${classification}
  attachments: [Attachment]!
  ${commentable}
  ${when(at('0.31'), 'url: String!\n  budgetUrl: String!\n  selectedAt: DateTime\n  confirmedVotes: Int\n  relatedProposals: [Proposal]\n  address: String\n  coordinates: Coordinates\n  followsCount: Int')}
}
`;
}
