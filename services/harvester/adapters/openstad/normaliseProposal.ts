/** A headless resource in an idea-collection project → Proposal (docs/data-model.md §5.2, docs/upstreams/openstad.md §2.5). */
import { makeId } from '../../../core/ids';
import type { Proposal } from '../../../core/model';
import { formattedText, plainText } from '../../text';
import { mapHeadlessStatus } from './mapStatus';
import {
  headlessImages,
  headlessTags,
  iso,
  LOCALE,
  pointLocation,
  provenance,
  resourceUrl,
  type NormaliseEnv,
} from './normaliseCommon';
import type { HeadlessResource } from './upstreamSchemas';

/** What the normaliser needs to know about the resource's project. */
export interface HeadlessProjectInfo {
  /** The project's site URL (`projectUrl(project.url)`), or null. */
  url: string | null;
  /** `seqnr` per status id, from `GET …/status`. */
  seqnrById: ReadonlyMap<number, number>;
}

/**
 * Normalises one validated resource. `title` and `summary` are plain text in which entities may remain
 * (docs/upstreams/openstad.md §7 note 10); `description` is HTML, sanitised again here. `supportCount`/`opposeCount` are the
 * `yes`/`no` counts when present; a missing key means "not public", so null (docs/upstreams/openstad.md §7 note 4).
 */
export function normaliseProposal(r: HeadlessResource, env: NormaliseEnv, project: HeadlessProjectInfo): Proposal {
  const title = plainText(r.title);
  const summary = r.summary ? plainText(r.summary) : null;
  const body = formattedText(r.description);
  const { status, platformStatus } = mapHeadlessStatus(r.statuses, project.seqnrById, env.source.statusMap);
  const tags = headlessTags(r.tags);
  return {
    id: makeId(env.source.id, 'proposal', r.id),
    municipalityCode: env.source.municipality,
    title,
    summary,
    body,
    locale: LOCALE,
    translations: [{ locale: LOCALE, title, summary, body, machineTranslated: false }],
    status,
    platformStatus,
    supportCount: r.yes ?? null,
    opposeCount: r.no ?? null,
    commentCount: r.commentCount ?? null,
    createdAt: iso(r.createdAt),
    publishedAt: iso(r.publishDate),
    // Bumped by every vote (docs/upstreams/openstad.md §2.8, §7 note 9): kept as published, not a content-change signal.
    updatedAt: iso(r.updatedAt),
    tags,
    area: tags.find((t) => t.kind === 'AREA')?.name ?? null,
    location: r.location ? pointLocation(r.location.lat, r.location.lng) : null,
    images: headlessImages(r.images),
    url: resourceUrl(project.url, r.id),
    provenance: provenance(env, r.id),
    removedAt: null,
  };
}
