/**
 * The simulator registry: one simulated installation per platform of services/core/platforms.ts, in its
 * order. The adapter contract suite (services/harvester/adapters/__tests__/contract.test.ts) runs every
 * adapter against its platform's entry here; the type fails to compile when a platform has none.
 */
import type { PlatformKey } from '../../services/core/platforms';
import { consulSimulator } from './consul';
import { decidimSimulator } from './decidim';
import { openstadSimulator } from './openstad';
import { pabulibSimulator } from './pabulib';
import type { PlatformSimulator } from './platformSimulator';

export const SIMULATORS: Readonly<Record<PlatformKey, PlatformSimulator>> = {
  consul: consulSimulator,
  decidim: decidimSimulator,
  openstad: openstadSimulator,
  pabulib: pabulibSimulator,
};
