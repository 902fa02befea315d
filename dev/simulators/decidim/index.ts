/** The simulated Decidim installation (docs/upstreams/decidim.md) and its invented seed data. */
export { startDecidimSimulator, type DecidimSimulator, type DecidimSimulatorOptions } from './startDecidimSimulator';
export { buildDecidimSeed } from './buildDecidimSeed';
export { generateDecidimSeed } from './generateDecidimSeed';
export { DECIDIM_VERSIONS, type DecidimVersion } from './version';
export type * from './seedTypes';
export { decidimSimulator } from './decidimSimulator';
