/**
 * What every simulated installation offers, whatever its platform: the skeleton each simulator folder
 * follows (dev/simulators/README.md) and the entry of the simulator registry (dev/simulators/index.ts).
 */
import type { PlatformKey } from '../../services/core/platforms';
import type { SimServer } from './simServer';

export interface PlatformSimulator {
  /** The platform's key (services/core/platforms.ts). */
  readonly platform: PlatformKey;
  /**
   * Starts an installation with the platform's default invented seed, on a free loopback port; with
   * `listen: false`, in-process only, reached through the server's `fetch` (unit tests: no socket).
   */
  start(options?: { listen?: boolean }): Promise<SimServer>;
  /**
   * A sources-file entry (as written in the file, before validation) that harvests `server`, with `id`
   * as its source id; its municipality is the seed's.
   */
  sourceEntry(server: SimServer, id: string): Record<string, unknown>;
}
