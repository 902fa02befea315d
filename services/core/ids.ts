/**
 * Inspraak ids: `<source id>:<kind>:<upstream id>`, e.g. `gm0363-openstad:proposal:42`.
 * Stable across harvests (the upstream id is the platform's primary key), unique nationally (source ids
 * are unique), and they tell which source a record came from.
 */
export const ITEM_KINDS = ['proposal', 'budget', 'project'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface ParsedId {
  sourceId: string;
  kind: ItemKind;
  upstreamId: string;
}

/** Builds the Inspraak id of an upstream record. */
export function makeId(sourceId: string, kind: ItemKind, upstreamId: string | number): string {
  return `${sourceId}:${kind}:${upstreamId}`;
}

/** A source id: chosen at registration, lower-case letters, digits and dashes, at most 63 characters. */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const ID_PATTERN = new RegExp(`^(${SOURCE_ID_PATTERN.source.slice(1, -1)}):(proposal|budget|project):([^\\s]{1,200})$`);

/** Parses an Inspraak id; returns null for anything that is not one (never throws). */
export function parseId(id: string): ParsedId | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  return { sourceId: m[1]!, kind: m[2] as ItemKind, upstreamId: m[3]! };
}
