/** A large invented seed for benchmarks: one election with `n` ballots (buildPabulibSeed.ts). */
import { inventedElection } from './buildPabulibSeed';
import type { PabulibSeed } from './seedTypes';

export function generatePabulibSeed(n: number): PabulibSeed {
  return {
    municipality: 'GM0106',
    note: `${n} invented ballots; not a real election.`,
    files: { 'Netherlands_Assen_Bench.pb': inventedElection(n, 11) },
  };
}
