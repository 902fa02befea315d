import { startSimServer, type SimServer } from '../simServer';
import type { ConsulGeneration } from './consulSdl';
import { buildConsulSeed } from './buildConsulSeed';
import { createConsulHandler } from './createConsulHandler';
import type { ConsulSeed } from './seedTypes';

export interface ConsulSimulatorOptions {
  /** The installation's content; default `buildConsulSeed(municipality ?? 'GM0106')`. */
  seed?: ConsulSeed;
  /** Used when no seed is given. */
  municipality?: string;
  /** API generation (docs/upstreams/consul.md §1); default `2.4.1`. `2.2.0` has no budgets, milestones or limits. */
  generation?: ConsulGeneration;
  /** `/consul.json` release string; default the generation. */
  release?: string;
  /** `feature.graphql_api`; default true. */
  graphqlApi?: boolean;
  port?: number;
  /** False: no socket, reached through `fetch` only (simServer.ts). Default true. */
  listen?: boolean;
  /** Off by default: CONSUL itself has no rate limiting (docs/upstreams/consul.md §2). */
  rateLimitPerMinute?: number;
}

export interface ConsulSimulator extends SimServer {
  /** The content served; replace or mutate it between requests. */
  seed: ConsulSeed;
  generation: ConsulGeneration;
}

/**
 * Starts a simulated CONSUL Democracy installation on a free local port: the 2.4.1 (or 2.2.0) GraphQL API
 * with its paging, limits and quirks, `/consul.json`, and the budget HTML pages (docs/upstreams/consul.md §1–§5).
 * Platform faults: `drift` renames `Proposal.cachedVotesUp`; `paginationLoop` makes every connection and
 * the investments index serve their first page again with a next page announced.
 */
export async function startConsulSimulator(options: ConsulSimulatorOptions = {}): Promise<ConsulSimulator> {
  const generation = options.generation ?? '2.4.1';
  let url = '';
  const state = { seed: options.seed ?? buildConsulSeed(options.municipality ?? 'GM0106') };
  const server = await startSimServer(
    createConsulHandler(() => state.seed, {
      generation,
      ...(options.release !== undefined && { release: options.release }),
      ...(options.graphqlApi !== undefined && { graphqlApi: options.graphqlApi }),
      baseUrl: () => url,
    }),
    {
      ...(options.port !== undefined && { port: options.port }),
      ...(options.listen !== undefined && { listen: options.listen }),
      ...(options.rateLimitPerMinute !== undefined && { rateLimitPerMinute: options.rateLimitPerMinute }),
    },
  );
  url = server.url;
  // defineProperty, not Object.assign: assign would copy the getter's value, not the accessor.
  return Object.defineProperties(server as ConsulSimulator, {
    generation: { value: generation, enumerable: true },
    seed: {
      enumerable: true,
      get: () => state.seed,
      set: (s: ConsulSeed) => {
        state.seed = s;
      },
    },
  });
}
