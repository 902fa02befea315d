/**
 * Tags and area of a proposal or project (data-model §4.1): ≤0.29 `category` → THEME and `scope` → AREA;
 * 0.30+ `taxonomies` → AREA under an area root, else THEME. `area` is the first AREA tag's name.
 */
import type { Tag } from '../../../core/model';
import type { TaxonomyIndex } from './taxonomyIndex';
import { nameOf } from './translations';
import type { TranslatedFieldValue } from './upstreamSchemas';

interface Named {
  id: string;
  name: TranslatedFieldValue;
}
export interface Classified {
  category?: Named | null;
  scope?: Named | null;
  taxonomies?: (Named & { parent?: { id: string } | null })[] | null;
}

/** Tags (deduplicated, empty names dropped) and area of a classified resource, names in `locale`. */
export function tagsOf(r: Classified, index: TaxonomyIndex, locale: string): { tags: Tag[]; area: string | null } {
  const tags: Tag[] = [];
  const add = (name: string | null, kind: Tag['kind']) => {
    if (name && !tags.some((t) => t.name === name && t.kind === kind)) tags.push({ name, kind });
  };
  add(nameOf(r.category?.name, locale), 'THEME');
  add(nameOf(r.scope?.name, locale), 'AREA');
  for (const t of r.taxonomies ?? []) {
    // Not in the index (deeper than two levels): its parent's root, or its parent when that is a root.
    const root = index.rootOf.get(t.id) ?? (t.parent ? (index.rootOf.get(t.parent.id) ?? t.parent.id) : t.id);
    add(nameOf(t.name, locale), index.areaRoots.has(root) ? 'AREA' : 'THEME');
  }
  return { tags, area: tags.find((t) => t.kind === 'AREA')?.name ?? null };
}
