/** A legacy idea (openstad-api, A) → Proposal (docs/data-model.md §5.2, docs/upstreams/openstad.md §3). */
import { makeId } from '../../../core/ids';
import type { Location, Proposal, Tag } from '../../../core/model';
import { formattedText, plainText } from '../../text';
import { mapLegacyStatus } from './mapStatus';
import { iso, LOCALE, pointLocation, provenance, uniqueTags, type NormaliseEnv } from './normaliseCommon';
import type { LegacyIdea } from './upstreamSchemas';

/**
 * `position {lat, lng}`, else `location.coordinates` read as **[lat, lng]**: A stores the point lat first,
 * not in GeoJSON order (docs/upstreams/openstad.md §1, §7 note 1). A pair that is no valid lat/lng is treated as no point.
 */
function legacyLocation(idea: LegacyIdea): Location | null {
  const [lat, lng] = idea.position
    ? [idea.position.lat, idea.position.lng]
    : (idea.location?.coordinates ?? [NaN, NaN]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? pointLocation(lat, lng) : null;
}

/**
 * Normalises one validated idea. Tags: `tags[] {id, name}` and `extraData.theme` → THEME,
 * `extraData.area` → AREA; `images` are `extraData.images` URL strings; status from the enum
 * (OPEN, CLOSED, ACCEPTED, DENIED→REJECTED, BUSY→IN_PROGRESS, DONE→COMPLETED). `commentCount` is null:
 * the field `includeArgsCount` adds is not confirmed by the reference (data-model §5.2 "verify").
 * `url` is null: the reference names no idea page path for the legacy front end.
 */
export function normaliseLegacyIdea(idea: LegacyIdea, env: NormaliseEnv): Proposal {
  const title = plainText(idea.title);
  const summary = idea.summary ? plainText(idea.summary) : null;
  const body = formattedText(idea.description);
  const { status, platformStatus } = mapLegacyStatus(idea.status, env.source.statusMap);
  const extra = idea.extraData ?? {};
  const area = extra.area ? plainText(extra.area) : null;
  const tags: Tag[] = uniqueTags([
    ...(idea.tags ?? []).map((t): Tag => ({ name: plainText(t.name), kind: 'THEME' })),
    ...(extra.theme ? [{ name: plainText(extra.theme), kind: 'THEME' as const }] : []),
    ...(area ? [{ name: area, kind: 'AREA' as const }] : []),
  ]);
  return {
    id: makeId(env.source.id, 'proposal', idea.id),
    municipalityCode: env.source.municipality,
    title,
    summary,
    body,
    locale: LOCALE,
    translations: [{ locale: LOCALE, title, summary, body, machineTranslated: false }],
    status,
    platformStatus,
    supportCount: idea.yes ?? null,
    opposeCount: idea.no ?? null,
    commentCount: null,
    createdAt: iso(idea.createdAt),
    publishedAt: iso(idea.publishDate),
    updatedAt: iso(idea.updatedAt),
    tags,
    area: area || null,
    location: legacyLocation(idea),
    images: (extra.images ?? []).filter((u) => u.trim() !== '').map((url) => ({ url, alt: null })),
    url: null,
    provenance: provenance(env, idea.id),
    removedAt: null,
  };
}
