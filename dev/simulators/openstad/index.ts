/** The simulated OpenStad installation (both API generations) and its seed builders. */
export { startOpenstadSimulator } from './startOpenstadSimulator';
export type { DriftMode, OpenstadSimulator, OpenstadSimulatorOptions } from './startOpenstadSimulator';
export { buildOpenstadSeed } from './buildOpenstadSeed';
export type { OpenstadSeedMunicipality } from './buildOpenstadSeed';
export { generateOpenstadSeed } from './generateOpenstadSeed';
export type * from './seedTypes';
export { openstadSimulator } from './openstadSimulator';
