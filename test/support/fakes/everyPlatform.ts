/**
 * An adapter registry for tests that script one adapter: the same adapter for every platform of
 * services/core/platforms.ts, so that adding a platform needs no edit here or in the tests that use it.
 */
import { PLATFORM_KEYS } from '../../../services/core/platforms';
import type { PlatformAdapter } from '../../../services/harvester/adapter';
import type { SourceConfig } from '../../../services/harvester/config';
import type { HarvestDeps } from '../../../services/harvester/harvestSource';

export function everyPlatform(adapter: PlatformAdapter<SourceConfig>): HarvestDeps['adapters'] {
  return Object.fromEntries(PLATFORM_KEYS.map((k) => [k, adapter])) as HarvestDeps['adapters'];
}
