/** A harvest run with a scripted adapter standing in for every installation: no HTTP, a test's clock. */
import type { TableAccess } from '../../services/core/dynamo/loader';
import type { PlatformAdapter } from '../../services/harvester/adapter';
import { parseSources, type SourceConfig } from '../../services/harvester/config';
import type { HarvestDeps } from '../../services/harvester/harvestSource';
import type { HttpClient } from '../../services/harvester/http/HttpClient';
import { harvestDeps } from '../../services/harvester/runtime';
import { everyPlatform } from './fakes/everyPlatform';
import type { HarvestStore } from '../../services/harvester/store/HarvestStore';

/** An OpenStad source of Amsterdam (`gm0363-openstad` unless `id` says otherwise), as the sources file holds it. */
export function anOpenstadSourceConfig(id = 'gm0363-openstad', projectId = 1): SourceConfig {
  const [source] = parseSources(
    [
      {
        id,
        name: 'Amsterdam Begroot',
        municipality: 'GM0363',
        platform: 'openstad',
        baseUrl: 'http://127.0.0.1:9',
        projectId,
        generation: 'headless',
      },
    ],
    'test',
  );
  return source!;
}

/** Harvest deps over `store` (or a table) in which `adapter` answers for every platform. */
export function scriptedHarvestDeps(
  store: HarvestStore | TableAccess,
  adapter: PlatformAdapter<SourceConfig>,
  now: () => Date,
): HarvestDeps {
  return harvestDeps(store, {
    adapters: everyPlatform(adapter),
    http: () => ({}) as HttpClient,
    now,
  });
}
