/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The phase of a participatory budget, normalised across platforms. */
export type BudgetPhase =
  /** Residents submit projects. */
  | 'COLLECTING'
  /** Voting has closed; the votes are being counted or reviewed. */
  | 'COUNTING'
  /** Results are published. */
  | 'FINISHED'
  /** Announced; nothing to do yet. */
  | 'INFORMING'
  /** The municipality reviews, selects or prices projects. */
  | 'REVIEWING'
  /** The platform's phase could not be mapped. */
  | 'UNKNOWN'
  /** Residents vote. */
  | 'VOTING';

/** The kinds of item the change feed lists. */
export type ChangeKind =
  /** A participatory budget. */
  | 'BUDGET'
  /** A project within a participatory budget. */
  | 'BUDGET_PROJECT'
  /** A citizen's proposal. */
  | 'PROPOSAL';

/** The state of a source's harvest. */
export type HarvestState =
  /** The last harvest completed, but some records or requests failed; the rest is current. */
  | 'DEGRADED'
  /** The last harvest failed; the data shown is from the last successful one. */
  | 'FAILING'
  /** The last harvest completed and everything validated. */
  | 'OK'
  /** Registered, but not harvested yet. */
  | 'PENDING'
  /**
   * The source is no longer in the sources file: its proposals, budgets and projects are no longer listed
   * (they are kept, and listed again if the source returns and its next harvest succeeds).
   */
  | 'RETIRED';

/** Where an outcome comes from. */
export type OutcomeBasis =
  /** Inspraak computed the winners from the published votes under the budget's rule. */
  | 'COMPUTED'
  /** The platform marks the winning projects. */
  | 'REPORTED';

/** Rules that decide the winners of a participatory budget. */
export type OutcomeRule =
  /** The Method of Equal Shares on the anonymous approval ballots (Pabulib `equalshares`). */
  | 'EQUAL_SHARES'
  /** The Method of Equal Shares with the Add1 completion (Pabulib `equalshares/add1`), as Assen decides. */
  | 'EQUAL_SHARES_ADD1'
  /** Projects by votes, most first, each funded while it still fits the budget (Pabulib `greedy`). */
  | 'GREEDY_BY_VOTES'
  /** Projects by votes, most first, while they fit; the first that does not fit ends the selection (Pabulib `greedy-no-skip`). */
  | 'GREEDY_BY_VOTES_NO_SKIP'
  /** Greedy by votes, per theme, each theme within its own limit. */
  | 'GREEDY_BY_VOTES_PER_THEME'
  /** Greedy by votes among the projects with at least the threshold's votes (Pabulib `greedy-threshold`). */
  | 'GREEDY_BY_VOTES_THRESHOLD'
  /** As the platform reports it: the winners it marks. */
  | 'PLATFORM'
  /** At most k projects by votes, most first, each while it still fits the budget. */
  | 'TOP_K_BY_VOTES';

/** Reasons a budget has no outcome. */
export type OutcomeUnavailableReason =
  /** The rule is not computed for this kind of ballot (e.g. Equal Shares on points). */
  | 'BALLOT_KIND_UNSUPPORTED'
  /** Not every project has a published cost. */
  | 'COSTS_UNKNOWN'
  /** The rule needs the anonymous ballots, which are not stored for this budget. */
  | 'NO_BALLOTS'
  /** The budget has no projects. */
  | 'NO_PROJECTS'
  /** The platform marks no winners and states no rule, and the source declares none. */
  | 'NO_RULE'
  /** The declared rule is not one Inspraak computes (e.g. `greedy-custom`). */
  | 'RULE_NOT_COMPUTABLE'
  /** The budget's total (or per-theme limit) is not published. */
  | 'TOTAL_UNKNOWN'
  /** The rule needs every project's votes, which the platform does not publish. */
  | 'VOTES_NOT_PUBLIC';

/** Which participation platform an installation runs. */
export type Platform =
  /** CONSUL Democracy (Madrid), harvested through its GraphQL API. */
  | 'CONSUL'
  /** Decidim (Barcelona), harvested through its GraphQL API. */
  | 'DECIDIM'
  /** OpenStad (Amsterdam), harvested through its REST API. */
  | 'OPENSTAD'
  /** Pabulib `.pb` files (past participatory budgets with their ballots), read over HTTP or from a local directory. */
  | 'PABULIB';

/** The status of a proposal, normalised across platforms. */
export type ProposalStatus =
  /** Accepted by the municipality. */
  | 'ACCEPTED'
  /** Closed or archived without an outcome. */
  | 'CLOSED'
  /** Carried out. */
  | 'COMPLETED'
  /** Being carried out. */
  | 'IN_PROGRESS'
  /** Published and open for support or comments. */
  | 'OPEN'
  /** Rejected by the municipality. */
  | 'REJECTED'
  /** Through to the next round, e.g. a budgeting vote, or past its support threshold. */
  | 'SHORTLISTED'
  /** Being assessed by the municipality. */
  | 'UNDER_REVIEW'
  /** The platform's status could not be mapped. */
  | 'UNKNOWN'
  /** Withdrawn or retired by its author. */
  | 'WITHDRAWN';

export type ChangesQueryVariables = Exact<{
  kinds?: Array<ChangeKind> | ChangeKind | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChangesQuery = { changes: { edges: Array<{ cursor: string, node: { id: string, kind: ChangeKind, changedAt: string, removedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type MunicipalityBudgetsQueryVariables = Exact<{
  code: string;
  first?: number | null | undefined;
}>;


export type MunicipalityBudgetsQuery = { municipality: { name: string, budgets: { edges: Array<{ node: { id: string, title: string, phase: BudgetPhase, total: { amountMinor: number, currency: string, formatted: string } | null, outcome: { basis: OutcomeBasis, rule: OutcomeRule, provisional: boolean, selected: Array<{ id: string, title: string, voteCount: number | null, cost: { amountMinor: number, currency: string } | null }>, remaining: { formatted: string } | null } | null, outcomeUnavailable: { reason: OutcomeUnavailableReason, message: string } | null } }> } | null } | null };

export type MunicipalityOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type MunicipalityOverviewQuery = { municipality: { name: string, province: { name: string }, sources: { edges: Array<{ node: { name: string, platform: Platform, harvest: { state: HarvestState, lastSuccessAt: string | null } } }> }, proposals: { edges: Array<{ node: { title: string, status: ProposalStatus, supportCount: number | null, provenance: { platform: Platform, upstreamId: string } } }> } | null, budgets: { edges: Array<{ node: { title: string, phase: BudgetPhase, total: { formatted: string } | null, projects: { edges: Array<{ node: { title: string, voteCount: number | null, cost: { formatted: string } | null } }> } } }> } | null } | null };

export type SearchQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchQuery = { search: { totalCount: number, edges: Array<{ highlights: Array<{ snippet: string }>, node:
        | { title: string }
        | { title: string, municipality: { name: string } | null }
       | null }>, facets: { municipality: Array<{ label: string, count: number }> } } | null };


export const ChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Changes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeKind"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ChangesQuery, ChangesQueryVariables>;
export const MunicipalityBudgetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MunicipalityBudgets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"municipality"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"budgets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"provisional"}},{"kind":"Field","name":{"kind":"Name","value":"selected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"voteCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUnavailable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MunicipalityBudgetsQuery, MunicipalityBudgetsQueryVariables>;
export const MunicipalityOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MunicipalityOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"municipality"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"StringValue","value":"GM0518","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"province"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"harvest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"proposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"MOST_SUPPORTED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"supportCount"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamId"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"MOST_VOTES"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"voteCount"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MunicipalityOverviewQuery, MunicipalityOverviewQueryVariables>;
export const SearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Search"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"StringValue","value":"fietsenstallingen","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"near"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"latitude"},"value":{"kind":"FloatValue","value":"52.37"}},{"kind":"ObjectField","name":{"kind":"Name","value":"longitude"},"value":{"kind":"FloatValue","value":"4.89"}},{"kind":"ObjectField","name":{"kind":"Name","value":"radiusKm"},"value":{"kind":"IntValue","value":"50"}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snippet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Proposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BudgetProject"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;