/**
 * Routes of the simulated CONSUL installation: `/consul.json` (docs/upstreams/consul.md §1), `/graphql` (§2), the proposals index
 * (§6.1), the budget
 * HTML pages (§5.3, §5.4: the budget page, its investments index and investments, its results), the home page, and Rails' 404 for everything else.
 */
import type { SimHandler } from '../simServer';
import { budgetPage } from './budgetPage';
import { findBudget, investmentPage, investmentsIndex, resultsPage } from './budgetPages';
import type { ConsulGeneration } from './consulSdl';
import { graphqlEndpoint } from './graphqlEndpoint';
import { proposalsIndex } from './proposalsIndex';
import { forbiddenPage, homePage, notFoundPage } from './railsPages';
import type { ConsulSeed } from './seedTypes';

export interface ConsulHandlerOptions {
  generation: ConsulGeneration;
  /** The `release` in /consul.json; defaults to the generation. Forks often leave it stale (docs/upstreams/consul.md §1). */
  release?: string;
  /** `feature.graphql_api`; false → 403 (docs/upstreams/consul.md §2 "Feature flag"). Default true. */
  graphqlApi?: boolean;
  /** The simulator's own base URL, for redirects. */
  baseUrl: () => string;
}

/** The request handler for `startSimServer`; `seed()` is read on every request so tests can change it. */
export function createConsulHandler(seed: () => ConsulSeed, options: ConsulHandlerOptions): SimHandler {
  return async (req) => {
    const data = seed();
    if (req.method === 'GET' && req.path === '/consul.json') {
      return { status: 200, json: { release: options.release ?? options.generation, features: data.features } };
    }
    if (req.path === '/graphql' && (req.method === 'GET' || req.method === 'POST')) {
      if (options.graphqlApi === false) return forbiddenPage();
      return graphqlEndpoint(req, data, options.generation);
    }
    if (req.method !== 'GET') return notFoundPage();
    if (req.path === '/') return homePage(`CONSUL ${data.municipality}`);
    // Every generation has the proposals index; process.proposals off → 403 (docs/upstreams/consul.md §6.1).
    if (req.path === '/proposals')
      return data.features.proposals === null ? forbiddenPage() : proposalsIndex(data, req.query);
    const m = /^\/budgets\/([^/]+)(?:\/(investments|results)(?:\/(\d+))?)?\/?$/.exec(req.path);
    if (!m || options.generation !== '2.4.1') return notFoundPage();
    const budget = findBudget(data, decodeURIComponent(m[1]!));
    if (!budget) return notFoundPage();
    if (!m[2]) return data.features.budgets === null ? forbiddenPage() : budgetPage(budget);
    if (m[2] === 'results') return m[3] ? notFoundPage() : resultsPage(data, budget, req.query, options.baseUrl());
    // The investments controller checks process.budgets; the results controller does not (docs/upstreams/consul.md §5.3).
    if (data.features.budgets === null) return forbiddenPage();
    return m[3]
      ? investmentPage(data, budget, m[3])
      : investmentsIndex(data, budget, req.query, req.fault?.kind === 'paginationLoop');
  };
}
