/**
 * The operations the adapter sends (docs/upstreams/consul.md §7). Each stays well under `max_depth 8` and
 * `max_complexity 2500` (docs/upstreams/consul.md §3.2): the proposals query is depth 6 and about 600, because only the
 * fields the unified model keeps are asked for (no `publicAuthor`, docs/data-model.md §2.8).
 */

/** `{ __type(name: "Query") { fields { name } } }`: the cheap generation probe (docs/upstreams/consul.md §7.2). */
export const QUERY_FIELDS = '{ __type(name: "Query") { fields { name } } }';

/** Proposals in the primary locale (docs/upstreams/consul.md §7.1, trimmed). */
export const PROPOSALS = `query Proposals($after: String) {
  proposals(first: 25, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id title summary description publicCreatedAt cachedVotesUp commentsCount
      retiredAt retiredReason
      geozone { name }
      tags(first: 6) { edges { node { name kind } } }
    }
  }
}`;

/** The translatable fields only, for the other locales (docs/upstreams/consul.md §2 "Locale", §8 note 9). */
export const PROPOSAL_TRANSLATIONS = `query ProposalTranslations($after: String) {
  proposals(first: 25, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id title summary description }
  }
}`;

/** Published budgets (docs/upstreams/consul.md §5.1, §7.2). */
export const BUDGETS = `query Budgets($after: String) {
  budgets(first: 25, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id name phase }
  }
}`;

/**
 * The investments of every published budget: `budget(id){investments}` is not scoped to that budget
 * (docs/upstreams/consul.md §5.1), so one crawl through any one budget id gets them all.
 */
export const INVESTMENTS = `query Investments($budgetId: ID!, $after: String) {
  budget(id: $budgetId) {
    investments(first: 25, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id title description price feasibility location }
    }
  }
}`;
