/** A harvest run against simulated installations over real HTTP, without the polite client's rate limit. */
import type { TableAccess } from '../../services/core/dynamo/loader';
import type { HarvestDeps } from '../../services/harvester/harvestSource';
import { PoliteHttpClient } from '../../services/harvester/http/HttpClient';
import { harvestDeps } from '../../services/harvester/runtime';

/** Every source's own base URL and byte cap, a 5 s timeout and no rate limit to speak of. */
export function unthrottledHarvestDeps(db: TableAccess): HarvestDeps {
  return harvestDeps(db, {
    http: (s) =>
      new PoliteHttpClient({
        baseUrl: s.baseUrl,
        timeoutMs: 5000,
        maxResponseBytes: s.maxResponseBytes,
        requestsPerMinute: 60_000,
      }),
  });
}
