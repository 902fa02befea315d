/** The example query the sandbox prints and the README shows: municipalities → proposals → budgets. */
export const EXAMPLE_QUERY = `{
  municipality(code: "GM0518") {
    name
    province { name }
    sources { edges { node { name platform harvest { state lastSuccessAt } } } }
    proposals(first: 2, orderBy: MOST_SUPPORTED) {
      edges { node { title status supportCount provenance { platform upstreamId } } }
    }
    budgets(first: 1) {
      edges { node { title phase total { formatted } projects(first: 3, orderBy: MOST_VOTES) {
        edges { node { title cost { formatted } voteCount } } } } }
    }
  }
}`;
