/** The Decidim versions the simulator can play (docs/upstreams/decidim.md §7). */
export const DECIDIM_VERSIONS = ['0.27', '0.28', '0.29', '0.30', '0.31'] as const;
export type DecidimVersion = (typeof DECIDIM_VERSIONS)[number];

/** True when `version` is `min` or later. */
export function atLeast(version: DecidimVersion, min: DecidimVersion): boolean {
  return DECIDIM_VERSIONS.indexOf(version) >= DECIDIM_VERSIONS.indexOf(min);
}

/** The full version string `decidim { version }` discloses where it does (docs/upstreams/decidim.md §1.3). */
export const FULL_VERSION: Record<DecidimVersion, string> = {
  '0.27': '0.27.9',
  '0.28': '0.28.4',
  '0.29': '0.29.2',
  '0.30': '0.30.5',
  '0.31': '0.31.1',
};
