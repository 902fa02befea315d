/** Pieces every OpenStad normaliser shares: provenance, URLs, tags, locations, images, links. */
import { makeId } from '../../../core/ids';
import type { Image, Location, Provenance, Tag } from '../../../core/model';
import type { OpenstadSourceConfig } from './sourceSchema';
import { plainText } from '../../text';

/** What a normaliser needs besides the record: the source and the harvest's instant. */
export interface NormaliseEnv {
  source: OpenstadSourceConfig;
  harvestedAt: string;
}

/** OpenStad has a single language and no locale field (docs/data-model.md §2.5). */
export const LOCALE = 'nl';

/** Provenance of an OpenStad record; OpenStad has no human-readable reference. */
export function provenance(env: NormaliseEnv, upstreamId: number | string): Provenance {
  return {
    sourceId: env.source.id,
    platform: 'OPENSTAD',
    upstreamId: String(upstreamId),
    upstreamReference: null,
    harvestedAt: env.harvestedAt,
  };
}

/** `Project.url` as a URL: `https://` prefixed when it has no scheme (docs/data-model.md §5.3); null when unusable. */
export function projectUrl(url: string | null | undefined): string | null {
  const raw = url?.trim();
  if (!raw) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`).toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

/**
 * The page of a resource. The API gives no page URL (docs/upstreams/openstad.md §2.5) and the detail page's path is
 * configured per site, but the headless widgets read the resource from the `openstadResourceId` query
 * parameter when no path is configured (H: packages/*\/src, `urlParams.get('openstadResourceId')`). So
 * the URL is the project's site with that parameter: the best public link the API lets us build.
 */
export function resourceUrl(project: string | null, resourceId: number): string | null {
  if (!project) return null;
  const url = new URL(project);
  url.searchParams.set('openstadResourceId', String(resourceId));
  return url.toString();
}

/** Tags without duplicates (same kind and name), in their first order. */
export function uniqueTags(tags: Tag[]): Tag[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = `${t.kind}\u0000${t.name}`;
    if (!t.name || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * H tags (docs/upstreams/openstad.md §2.6): `type: "area"` → AREA, any other type → THEME. OpenStad tags are records the
 * project defines, never residents' free tags, so never FREE (docs/data-model.md §5.2).
 */
export function headlessTags(tags: { name: string; type?: string | null | undefined }[] | undefined): Tag[] {
  return uniqueTags(
    (tags ?? []).map((t) => ({
      name: plainText(t.name),
      kind: t.type?.trim().toLowerCase() === 'area' ? 'AREA' : 'THEME',
    })),
  );
}

/** A point as a Location (OpenStad has no address field). */
export function pointLocation(lat: number, lng: number): Location {
  return { point: { latitude: lat, longitude: lng }, address: null };
}

/** H images `{url, description?, alt?}` → `{url, alt: alt ?? description ?? null}` (docs/data-model.md §5.2). */
export function headlessImages(
  images:
    | { url: string; alt?: string | null | undefined; description?: string | null | undefined }[]
    | null
    | undefined,
): Image[] {
  return (images ?? []).map((i) => ({ url: i.url, alt: i.alt || i.description || null }));
}

/**
 * The proposal a budget project was copied from: `extraData.originalId` (docs/upstreams/openstad.md §4), as a proposal
 * of the source that harvests the ideas project (`proposalSourceId`; by default this same source).
 */
export function originalProposalId(
  env: NormaliseEnv,
  extraData: Record<string, unknown> | null | undefined,
): string | null {
  const raw = extraData?.originalId;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? makeId(env.source.proposalSourceId ?? env.source.id, 'proposal', n) : null;
}

/** An optional upstream instant as UTC ISO with milliseconds. */
export function iso(value: string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}
