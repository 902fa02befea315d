import type { PlatformSimulator } from '../platformSimulator';
import { startOpenstadSimulator } from './startOpenstadSimulator';

/** OpenStad headless with Den Haag's invented seed (its budgeting project, 7), in the simulator registry. */
export const openstadSimulator: PlatformSimulator = {
  platform: 'openstad',
  start: (options = {}) => startOpenstadSimulator({ municipality: 'GM0518', ...options }),
  sourceEntry: (server, id) => ({
    id,
    platform: 'openstad',
    municipality: 'GM0518',
    baseUrl: server.url,
    projectId: 7,
    generation: 'headless',
  }),
};
