/**
 * Facet values as small integers, so that filtering and counting a hundred thousand items is a pass
 * over typed arrays rather than over strings and maps.
 */
import type { SearchDocument } from '../documents';
import type { FacetCounts, FacetName, SearchCriteria } from './SearchEngine';

/** The single-valued facets, in slot order; `tag` (multi-valued) is kept apart. */
export const SINGLE_FACETS = [
  'municipality',
  'province',
  'platform',
  'kind',
  'status',
  'year',
] as const satisfies readonly FacetName[];
export const TAG = SINGLE_FACETS.length;
export const FACET_NAMES: readonly FacetName[] = [...SINGLE_FACETS, 'tag'];

/** Strings ↔ dense integers, per facet. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  /** What to show for a value; the first label seen wins. */
  readonly labels: string[] = [];

  id(value: string, label = value): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
      this.labels.push(label);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}

/**
 * A document's facet values as integers: one slot per single facet (-1 for none) from `slots[slotAt]`,
 * and its tags, `tags[tagFrom…tagTo)`. The offsets let an engine keep every document's codes in shared
 * arrays and look at one document without making views.
 */
export interface FacetCodes {
  slots: Int32Array<ArrayBufferLike>;
  slotAt: number;
  tags: Int32Array<ArrayBufferLike>;
  tagFrom: number;
  tagTo: number;
}

export function singleValues(d: SearchDocument): (string | null)[] {
  return [d.municipalityCode, d.provinceCode, d.platform, d.kind, d.status, d.date ? d.date.slice(0, 4) : null];
}

export function encode(d: SearchDocument, interners: Interner[]): FacetCodes {
  const slots = new Int32Array(SINGLE_FACETS.length);
  singleValues(d).forEach((v, i) => {
    slots[i] = v === null ? -1 : interners[i]!.id(v);
  });
  const tags = Int32Array.from(d.tags.map((t) => interners[TAG]!.id(t.key, t.label)));
  return { slots, slotAt: 0, tags, tagFrom: 0, tagTo: tags.length };
}

/** The criteria on facets, as one allowed-set per facet (null where the facet is not constrained). */
export function allowedSets(c: SearchCriteria, interners: Interner[]): (Uint8Array | null)[] {
  const lists: (readonly (string | number)[] | undefined)[] = [
    c.municipalities,
    c.provinces,
    c.platforms,
    c.kinds,
    c.statuses,
    c.years,
    c.tags,
  ];
  return lists.map((list, i) => {
    if (!list) return null;
    const interner = interners[i]!;
    const allowed = new Uint8Array(interner.size);
    for (const v of list) {
      const id = interner.find(String(v));
      if (id !== undefined) allowed[id] = 1;
    }
    return allowed;
  });
}

/** Whether a document passes facet `i`'s criterion. */
export function passes(codes: FacetCodes, i: number, allowed: Uint8Array): boolean {
  if (i === TAG) {
    for (let k = codes.tagFrom; k < codes.tagTo; k++) if (allowed[codes.tags[k]!] === 1) return true;
    return false;
  }
  const v = codes.slots[codes.slotAt + i]!;
  return v >= 0 && allowed[v] === 1;
}

/** Adds a document to facet `i`'s counts. */
export function count(codes: FacetCodes, i: number, counts: Int32Array): void {
  if (i === TAG) {
    for (let k = codes.tagFrom; k < codes.tagTo; k++) counts[codes.tags[k]!]!++;
    return;
  }
  const v = codes.slots[codes.slotAt + i]!;
  if (v >= 0) counts[v] = counts[v]! + 1;
}

/** Counts per facet value as the API returns them: most frequent first, then by value; the top 100 tags. */
export function facetCounts(counts: Int32Array[], interners: Interner[]): FacetCounts {
  const out = {} as FacetCounts;
  FACET_NAMES.forEach((name, i) => {
    const interner = interners[i]!;
    const c = counts[i]!;
    const list: FacetCounts[typeof name] = [];
    for (let id = 0; id < c.length; id++)
      if (c[id]! > 0) list.push({ value: interner.values[id]!, label: interner.labels[id]!, count: c[id]! });
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    out[name] = name === 'tag' ? list.slice(0, 100) : list;
  });
  return out;
}
