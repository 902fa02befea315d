/**
 * A simulated OpenStad installation, either generation, on the shared HTTP shell (dev/simulators/simServer.ts).
 * It follows docs/upstreams/openstad.md: the headless API of §2 or the legacy API of §3,
 * chosen per installation, and serves one seed (by default the invented Dutch seed of one municipality).
 */
import { startSimServer, type SimServer } from '../simServer';
import { buildOpenstadSeed, type OpenstadSeedMunicipality } from './buildOpenstadSeed';
import { headlessRoutes } from './headlessRoutes';
import { legacyRoutes } from './legacyRoutes';
import { resolveSeed, type SimProject } from './resolveSeed';
import type { OpenstadSeed } from './seedTypes';

/**
 * How the `drift` fault changes the answers: `envelope` renames the list envelope's `records` key to
 * `rows`; `field` leaves `title` out of every resource/idea (both as after an upgrade the adapter does not know).
 */
export type DriftMode = 'envelope' | 'field';

export interface OpenstadSimulatorOptions {
  /** API generation to serve (docs/upstreams/openstad.md §1). Default `headless`. */
  generation?: 'headless' | 'legacy';
  /** The data to serve. Default: `buildOpenstadSeed(municipality)`. */
  seed?: OpenstadSeed;
  /** Municipality of the built-in seed when no `seed` is given. Default `GM0518`. */
  municipality?: OpenstadSeedMunicipality;
  port?: number;
  /** False: no socket, reached through `fetch` only (simServer.ts). Default true. */
  listen?: boolean;
  /**
   * Requests per minute per client before HTTP 429. Off by default: H limits 100/min per IP but exempts
   * private addresses (docs/upstreams/openstad.md §2.1), and the simulator listens on loopback. Set it to test the limit.
   */
  rateLimitPerMinute?: number;
  /** What the `drift` fault does. Default `envelope`. */
  driftMode?: DriftMode;
}

export interface OpenstadSimulator extends SimServer {
  generation: 'headless' | 'legacy';
  /** The seed being served. */
  seed: OpenstadSeed;
  /** The resolved installation (tag and status ids assigned), e.g. to look up a status id in a test. */
  projects: Map<number, SimProject>;
  setDriftMode(mode: DriftMode): void;
  /** Replaces the data served (e.g. between two harvests of one test). */
  setSeed(seed: OpenstadSeed): void;
}

/** Starts a simulated installation on 127.0.0.1 (a free port unless `port` is given). */
export async function startOpenstadSimulator(options: OpenstadSimulatorOptions = {}): Promise<OpenstadSimulator> {
  const generation = options.generation ?? 'headless';
  let seed = options.seed ?? buildOpenstadSeed(options.municipality ?? 'GM0518');
  let driftMode: DriftMode = options.driftMode ?? 'envelope';
  let projects = new Map<number, SimProject>();
  const state = () => ({ projects, driftMode });
  const handler = generation === 'headless' ? headlessRoutes(state) : legacyRoutes(state);
  const server = await startSimServer(handler, {
    ...(options.port !== undefined && { port: options.port }),
    ...(options.listen !== undefined && { listen: options.listen }),
    ...(options.rateLimitPerMinute !== undefined && { rateLimitPerMinute: options.rateLimitPerMinute }),
  });
  // URLs in the content (project url, images) use the simulator's own base URL, known only now.
  projects = resolveSeed(seed, server.url);
  return {
    ...server,
    generation,
    get seed() {
      return seed;
    },
    get projects() {
      return projects;
    },
    setDriftMode(mode) {
      driftMode = mode;
    },
    setSeed(next) {
      seed = next;
      projects = resolveSeed(next, server.url);
    },
  };
}
