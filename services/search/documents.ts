/**
 * What search knows of an item: its texts (per language) and the values it is filtered, faceted and
 * ordered by. Built from the unified model by pure functions; the engine stores only this.
 */
import type { BudgetProject, Platform, Proposal, ProposalStatus, Tag } from '../core/model';
import type { Municipality } from '../core/model';
import { fold } from '../core/text';
import { InvariantError } from '../core/errors';

export type SearchKind = 'PROPOSAL' | 'BUDGET_PROJECT';
export type TextField = 'TITLE' | 'SUMMARY' | 'BODY';

/** One text of an item in one language. */
export interface SearchText {
  field: TextField;
  locale: string;
  text: string;
}

export interface SearchDocument {
  id: string;
  kind: SearchKind;
  municipalityCode: string;
  provinceCode: string;
  platform: Platform;
  /** Normalised status; null for budget projects, which have none. */
  status: ProposalStatus | null;
  /** Folded tag names (the filter and facet value) with the name as shown. */
  tags: { key: string; label: string }[];
  /** UTC ISO instant the item is dated by, or null. */
  date: string | null;
  /** Supports (proposals) or votes (projects); null when not public. */
  support: number | null;
  /** The item's own point, else its municipality's centroid. */
  latitude: number;
  longitude: number;
  texts: SearchText[];
}

/** Where municipalities are: their province and centroid, from the registry. */
export type MunicipalityDirectory = ReadonlyMap<string, Pick<Municipality, 'name' | 'province' | 'centroid'>>;

// Bodies can be long; the index sees all of a text, highlights come from its first part only.
export const MAX_TEXT_CHARS = 20_000;

function tagsOf(tags: readonly Tag[]): SearchDocument['tags'] {
  const seen = new Map<string, string>();
  for (const t of tags) {
    const key = fold(t.name);
    if (key && !seen.has(key)) seen.set(key, t.name);
  }
  return [...seen].map(([key, label]) => ({ key, label }));
}

function place(
  m: MunicipalityDirectory,
  code: string,
  point: { latitude: number; longitude: number } | null | undefined,
) {
  const municipality = m.get(code);
  if (!municipality) throw new InvariantError(`Unknown municipality ${code}: not in the registry`);
  const p = point ?? municipality.centroid;
  return { provinceCode: municipality.province.code, latitude: p.latitude, longitude: p.longitude };
}

function text(field: TextField, locale: string, value: string | null | undefined): SearchText[] {
  const t = value?.trim();
  return t ? [{ field, locale, text: t.slice(0, MAX_TEXT_CHARS) }] : [];
}

/** A proposal as search sees it: primary texts and every other translation, each in its language. */
export function proposalDocument(p: Proposal, municipalities: MunicipalityDirectory): SearchDocument {
  const texts = [
    ...text('TITLE', p.locale, p.title),
    ...text('SUMMARY', p.locale, p.summary),
    ...text('BODY', p.locale, p.body.text),
  ];
  const seen = new Set([p.locale]);
  for (const t of p.translations) {
    // The primary language is among the translations too; its text is already in.
    if (seen.has(t.locale)) continue;
    seen.add(t.locale);
    texts.push(
      ...text('TITLE', t.locale, t.title),
      ...text('SUMMARY', t.locale, t.summary),
      ...text('BODY', t.locale, t.body.text),
    );
  }
  return {
    id: p.id,
    kind: 'PROPOSAL',
    municipalityCode: p.municipalityCode,
    ...place(municipalities, p.municipalityCode, p.location?.point),
    platform: p.provenance.platform,
    status: p.status,
    tags: tagsOf(p.tags),
    date: p.createdAt ?? p.publishedAt,
    support: p.supportCount,
    texts,
  };
}

/**
 * A budget project as search sees it. Projects carry no date of their own; they are dated by their
 * budget (`budgetDate`: created, else voting start), null when unknown. Their texts are Dutch.
 */
export function projectDocument(
  p: BudgetProject,
  municipalities: MunicipalityDirectory,
  budgetDate: string | null,
): SearchDocument {
  return {
    id: p.id,
    kind: 'BUDGET_PROJECT',
    municipalityCode: p.municipalityCode,
    ...place(municipalities, p.municipalityCode, p.location?.point),
    platform: p.provenance.platform,
    status: null,
    tags: tagsOf(p.tags),
    date: budgetDate,
    support: p.voteCount,
    texts: [...text('TITLE', 'nl', p.title), ...text('BODY', 'nl', p.description.text)],
  };
}

/** Municipalities by code, from the registry's list. */
export function municipalityDirectory(list: readonly Municipality[]): MunicipalityDirectory {
  return new Map(list.map((m) => [m.code, m]));
}
