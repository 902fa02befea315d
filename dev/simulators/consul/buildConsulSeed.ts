import { assenSeed } from './assenSeed';
import { calculateWinners } from './calculateWinners';
import type { ConsulSeed } from './seedTypes';
import { tilburgSeed } from './tilburgSeed';
import { ConfigError } from '../../../services/core/errors';

const BUILDERS: Record<string, () => ConsulSeed> = { GM0106: assenSeed, GM0855: tilburgSeed };

/** Municipalities that have a seeded CONSUL installation. */
export const CONSUL_SEEDED_MUNICIPALITIES = Object.keys(BUILDERS);

/**
 * The invented content of one simulated CONSUL installation: Assen (`GM0106`) or Tilburg (`GM0855`).
 * Each call returns a fresh copy (tests may change it), with the winners of finished budgets calculated
 * as CONSUL does (docs/upstreams/consul.md §5.2). Throws for a municipality without a seed.
 */
export function buildConsulSeed(municipality: string): ConsulSeed {
  const build = BUILDERS[municipality];
  if (!build)
    throw new ConfigError(`No CONSUL seed for ${municipality}; seeded: ${CONSUL_SEEDED_MUNICIPALITIES.join(', ')}`);
  return withWinners(build());
}

/** Recalculates the winners of every finished budget of a seed (docs/upstreams/consul.md §5.2 "Winners"). */
export function withWinners(seed: ConsulSeed): ConsulSeed {
  let investments = seed.investments;
  for (const budget of seed.budgets) {
    if (budget.phase === 'finished') investments = calculateWinners(budget, investments);
  }
  return { ...seed, investments };
}
