import type { PlatformSimulator } from '../platformSimulator';
import { startDecidimSimulator } from './startDecidimSimulator';

/** Decidim 0.31 with Rotterdam's invented seed, in the simulator registry (its rate limit lifted for tests). */
export const decidimSimulator: PlatformSimulator = {
  platform: 'decidim',
  start: (options = {}) =>
    startDecidimSimulator({ municipality: 'GM0599', version: '0.31', rateLimitPerMinute: 10_000, ...options }),
  sourceEntry: (server, id) => ({ id, platform: 'decidim', municipality: 'GM0599', baseUrl: server.url }),
};
