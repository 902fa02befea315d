import type { PlatformSimulator } from '../platformSimulator';
import { startConsulSimulator } from './startConsulSimulator';

/** CONSUL 2.4.1 with Assen's invented seed, in the simulator registry. */
export const consulSimulator: PlatformSimulator = {
  platform: 'consul',
  start: (options = {}) => startConsulSimulator({ municipality: 'GM0106', ...options }),
  sourceEntry: (server, id) => ({ id, platform: 'consul', municipality: 'GM0106', baseUrl: server.url }),
};
