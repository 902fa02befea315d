/** The simulated Pabulib directory (a static host of `.pb` files) and its seed builders. */
export { startPabulibSimulator } from './startPabulibSimulator';
export type { PabulibSimulator, PabulibSimulatorOptions } from './startPabulibSimulator';
export { buildPabulibSeed } from './buildPabulibSeed';
export { generatePabulibSeed } from './generatePabulibSeed';
export type * from './seedTypes';
export { pabulibSimulator } from './pabulibSimulator';
