/**
 * Which taxonomies are areas (0.30+, data-model §4.1): taxonomies under a root listed in the source's
 * `areaTaxonomyRoots` (by id or name). Without that setting — the source schema does not carry it yet —
 * roots named like districts ("Wijken", "Buurten", "Gebieden", "Stadsdelen", "Districts", …) are taken
 * as area roots, a heuristic; every other taxonomy is a theme.
 */
import { fold } from '../../../core/text';
import type { TaxonomyTree } from './upstreamSchemas';

export interface TaxonomyIndex {
  /** Taxonomy id → id of its root. */
  rootOf: Map<string, string>;
  /** Ids of the roots whose taxonomies are areas. */
  areaRoots: Set<string>;
}

export const EMPTY_TAXONOMY_INDEX: TaxonomyIndex = { rootOf: new Map(), areaRoots: new Set() };

const AREA_ROOT_NAMES =
  /^(wijk|wijken|buurt|buurten|gebied|gebieden|stadsdeel|stadsdelen|wijken en buurten|districts?|areas?|neighbou?rhoods?|scopes?)$/;

/** Indexes the organization's taxonomy roots and their descendants. */
export function taxonomyIndex(roots: TaxonomyTree[], areaTaxonomyRoots: string[] | undefined): TaxonomyIndex {
  const rootOf = new Map<string, string>();
  const areaRoots = new Set<string>();
  const configured = areaTaxonomyRoots?.map(fold);
  const walk = (node: TaxonomyTree, root: string) => {
    rootOf.set(node.id, root);
    for (const c of node.children ?? []) if (c) walk(c, root);
  };
  for (const root of roots) {
    walk(root, root.id);
    const names = (root.name?.translations ?? []).map((t) => fold(t.text ?? ''));
    const isArea = configured
      ? configured.includes(fold(root.id)) || names.some((n) => configured.includes(n))
      : names.some((n) => AREA_ROOT_NAMES.test(n));
    if (isArea) areaRoots.add(root.id);
  }
  return { rootOf, areaRoots };
}
