/** The simulated CONSUL Democracy installation (docs/upstreams/consul.md) and its invented seed data. */
export { startConsulSimulator, type ConsulSimulator, type ConsulSimulatorOptions } from './startConsulSimulator';
export { buildConsulSeed, withWinners, CONSUL_SEEDED_MUNICIPALITIES } from './buildConsulSeed';
export { generateConsulSeed } from './generateConsulSeed';
export { calculateWinners } from './calculateWinners';
export type { ConsulGeneration } from './consulSdl';
export type * from './seedTypes';
export { consulSimulator } from './consulSimulator';
