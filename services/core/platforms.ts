/**
 * The platforms Inspraak harvests: one entry each, and everything that needs "all the platforms" reads
 * this list — the `Platform` enum of the unified model (and of every schema/*.graphql file, checked by
 * test/platforms.test.ts), the `platform` of a sources-file entry, and the harvester's adapter registry
 * (services/harvester/adapters/index.ts), which the type system holds to one adapter per entry.
 *
 * Adding a platform: an entry here, the enum value with this description in the SDL files, an adapter
 * folder under services/harvester/adapters/ and a simulator under dev/simulators/ (CONTRIBUTING.md).
 */
export const PLATFORM_REGISTRY = [
  {
    /** The value of the API's `Platform` enum. */
    value: 'CONSUL',
    /** What a sources-file entry says in `platform`, and the adapter's folder name. */
    key: 'consul',
    /** The enum value's description in the SDL. */
    description: 'CONSUL Democracy (Madrid), harvested through its GraphQL API.',
  },
  { value: 'DECIDIM', key: 'decidim', description: 'Decidim (Barcelona), harvested through its GraphQL API.' },
  { value: 'OPENSTAD', key: 'openstad', description: 'OpenStad (Amsterdam), harvested through its REST API.' },
  {
    value: 'PABULIB',
    key: 'pabulib',
    description:
      'Pabulib `.pb` files (past participatory budgets with their ballots), read over HTTP or from a local directory.',
  },
] as const;

type Registry = typeof PLATFORM_REGISTRY;
/** The API's name of a platform: `CONSUL`, `DECIDIM`, `OPENSTAD`, `PABULIB`. */
export type Platform = Registry[number]['value'];
/** A sources file's name of a platform: `consul`, `decidim`, `openstad`, `pabulib`. */
export type PlatformKey = Registry[number]['key'];

/** The enum values, in registry order (a non-empty tuple, as z.enum takes it). */
export const PLATFORMS = PLATFORM_REGISTRY.map((p) => p.value) as unknown as readonly [Platform, ...Platform[]];
/** The sources-file keys, in registry order. */
export const PLATFORM_KEYS = PLATFORM_REGISTRY.map((p) => p.key) as unknown as readonly [PlatformKey, ...PlatformKey[]];

const byKey = new Map<string, Platform>(PLATFORM_REGISTRY.map((p) => [p.key, p.value]));

/** The API's enum value of a sources-file platform key: `platformOf('consul')` is `CONSUL`. */
export function platformOf(key: PlatformKey): Platform {
  return byKey.get(key)!;
}
