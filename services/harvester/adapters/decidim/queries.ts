/**
 * The adapter's queries, one template per version band (docs/upstreams/decidim.md §8 note 2), all alias-free and with no
 * field name nested more than twice on one path (§1.3, §8 note 4), well under complexity 5000 and depth 15.
 */
import type { DecidimFeatures } from './detectFeatures';

/** Always all translations with the machine flag (docs/upstreams/decidim.md §8 note 3). */
const T = 'translations { locale text machineTranslated }';

/** Processes and assemblies with their component ids (docs/upstreams/decidim.md §5.1); children are followed separately. */
export const SPACES_QUERY = `query DecidimSpaces {
  participatoryProcesses(order: { id: "asc" }) { id slug steps { startDate endDate } components { id __typename } }
  assemblies(order: { id: "asc" }) { id slug components { id __typename } children { id } }
}`;

/** One assembly, for children the root list did not include. */
export const ASSEMBLY_QUERY = `query DecidimAssembly($id: ID) {
  assembly(id: $id) { id slug components { id __typename } children { id } }
}`;

/** Taxonomy roots and two levels below, to tell each taxonomy's root (data-model §4.1, 0.30+). */
export const TAXONOMIES_QUERY = `query DecidimTaxonomies {
  organization { taxonomies { id name { ${T} } children { id children { id } } } }
}`;

function classification(f: DecidimFeatures): string {
  // Only `parent { id }`: nesting `parent` deeper trips the recursion limit (data-model §4.1).
  return f.taxonomies
    ? `taxonomies { id name { ${T} } parent { id } }`
    : `category { id name { ${T} } } scope { id name { ${T} } }`;
}

/** Attachments, to find the images among them (data-model §4.1): url, extension, thumbnail, title (0.28+). */
function attachments(f: DecidimFeatures): string {
  return `attachments { url type thumbnail ${f.attachmentTitle ? `title { ${T} }` : ''} }`;
}

/** One page of one Proposals component, 50 per page in id order (docs/upstreams/decidim.md §5.2, §8 note 8). */
export function proposalsQuery(f: DecidimFeatures): string {
  const extra = [
    f.withdrawn ? 'withdrawn' : '',
    f.url ? 'url' : '',
    f.proposalState ? `proposalState { title { ${T} } }` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `query DecidimProposals($id: ID!, $after: String) {
  component(id: $id) {
    id __typename
    ... on Proposals {
      proposals(first: 50, after: $after, order: { id: "asc" }) {
        pageInfo { hasNextPage endCursor }
        edges { node {
          id reference state publishedAt createdAt updatedAt voteCount totalCommentsCount address
          coordinates { latitude longitude }
          title { ${T} } body { ${T} }
          ${classification(f)}
          ${attachments(f)}
          ${extra}
        } }
      }
    }
  }
}`;
}

/** One page of budgets of one Budgets component, projects included (docs/upstreams/decidim.md §5.3). */
export function budgetsQuery(f: DecidimFeatures): string {
  const project = [
    f.url ? 'url' : '',
    f.confirmedVotes ? 'confirmedVotes' : '',
    f.relatedProposals ? 'relatedProposals { id }' : '',
    f.projectLocation ? 'address coordinates { latitude longitude }' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `query DecidimBudgets($id: ID!, $after: String) {
  component(id: $id) {
    id __typename
    ... on Budgets {
      budgets(first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node {
          id title { ${T} } description { ${T} } ${f.totalBudget ? 'totalBudget' : 'total_budget'} createdAt ${f.url ? 'url' : ''}
          projects {
            id reference selected budget_amount title { ${T} } description { ${T} }
            ${classification(f)}
            ${attachments(f)}
            ${project}
          }
        } }
      }
    }
  }
}`;
}
