import type { PlatformSimulator } from '../platformSimulator';
import { buildPabulibSeed } from './buildPabulibSeed';
import { startPabulibSimulator } from './startPabulibSimulator';

const seed = buildPabulibSeed();

/** A directory of invented Assen `.pb` files (buildPabulibSeed.ts), in the simulator registry. */
export const pabulibSimulator: PlatformSimulator = {
  platform: 'pabulib',
  start: (options = {}) => startPabulibSimulator({ seed, ...options }),
  sourceEntry: (server, id) => ({
    id,
    platform: 'pabulib',
    municipality: seed.municipality,
    baseUrl: server.url,
    files: Object.keys(seed.files),
  }),
};
