/** JSON of the legacy generation (A, openstad-api) as an anonymous caller receives it (docs/upstreams/openstad.md §3). */
import { humanize } from './simHelpers';
import type { SimProject, SimResource } from './resolveSeed';

export interface IdeaSideLoads {
  includeTags: boolean;
  includeVoteCount: boolean;
  /** Drift fault: the idea's `title` is missing. */
  dropTitle?: boolean;
}

/**
 * An idea, fields per `A:src/models/Idea.js` and the example in docs/upstreams/openstad.md §3: `location` is a Point with
 * **lat first**, `position` the same as `{lat, lng}`, images and theme/area live in `extraData` (public per
 * key; only `phone` is stripped), tags are `[{id, name}]`.
 */
export function renderIdea(site: SimProject, r: SimResource, side: IdeaSideLoads): Record<string, unknown> {
  const withCounts = side.includeVoteCount && site.votes.isViewable && !site.archivedVotes;
  const theme = r.tags.find((t) => t.type === 'theme')?.name;
  const area = r.tags.find((t) => t.type === 'area')?.name;
  const { phone: _phone, ...publicExtra } = r.seed.extraData ?? {};
  const extraData: Record<string, unknown> = {
    ...publicExtra,
    images: r.images.map((i) => i.url),
    ...(theme !== undefined && { theme }),
    ...(area !== undefined && { area }),
    ...(r.seed.originalId !== undefined && { originalId: r.seed.originalId }),
    ...(r.seed.ranking !== undefined && { ranking: r.seed.ranking }),
  };
  const loc = r.seed.location ?? null;
  const json: Record<string, unknown> = {
    id: r.id,
    siteId: site.id,
    userId: 1000 + (r.id % 97),
    startDate: r.createdAt,
    startDateHumanized: humanize(r.createdAt),
    endDate: site.projectConfig.endDate ?? null,
    sort: 1,
    typeId: null,
    status: r.legacyStatus,
    viewableByRole: r.viewableByRole,
    title: r.seed.title,
    summary: r.seed.summary ?? '',
    description: r.seed.description ?? '',
    budget: r.budget,
    extraData,
    location: loc ? { type: 'Point', coordinates: [loc.lat, loc.lng] } : null,
    position: loc ? { lat: loc.lat, lng: loc.lng } : null,
    modBreak: null,
    modBreakUserId: null,
    modBreakDate: null,
    ...(withCounts && { yes: r.yes, no: r.no, progress: Math.min(100, r.yes) }),
    createDateHumanized: humanize(r.createdAt),
    publishDate: r.publishDate,
    publishDateHumanized: humanize(r.publishDate),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
  };
  // Legacy tags carry no type; area tags were kept in extraData.area, the rest are site tags.
  if (side.includeTags) json.tags = r.tags.filter((t) => t.type !== 'area').map((t) => ({ id: t.id, name: t.name }));
  json.user = {};
  json.createdAtText = humanize(r.createdAt);
  json.can = {};
  if (side.dropTitle) delete json.title;
  return { ...json, ...r.seed.overrides };
}

/** A site (docs/upstreams/openstad.md §3): `config` is editor-only, so the anonymous answer has no voting settings. */
export function renderSite(s: SimProject) {
  return {
    id: s.id,
    name: s.name,
    title: s.title,
    domain: s.domain,
    createdAt: s.createdAt,
    updatedAt: s.createdAt,
    deletedAt: null,
  };
}
