/** JSON of the headless generation (H) as an anonymous caller receives it (docs/upstreams/openstad.md §2.5–§2.7). */
import { humanize, indexKeyed, wilsonScore } from './simHelpers';
import type { SimProject, SimResource, SimStatus, SimTag } from './resolveSeed';

export interface ResourceSideLoads {
  includeTags: boolean;
  /** `includeVoteCount` asked for; honoured only when `isViewable` and not `archivedVotes` (§2.3). */
  includeVoteCount: boolean;
  includeCommentsCount: boolean;
  /** Drift fault: the resource's `title` is missing. */
  dropTitle?: boolean;
}

/** Whether vote counts are public in `project` (docs/upstreams/openstad.md §2.3, §7 note 4). */
export function countsVisible(project: SimProject): boolean {
  return project.votes.isViewable && !project.archivedVotes;
}

/** A resource, fields per `H:…/models/Resource.js` and the example in docs/upstreams/openstad.md §2.5. */
export function renderResource(project: SimProject, r: SimResource, side: ResourceSideLoads): Record<string, unknown> {
  const withCounts = side.includeVoteCount && countsVisible(project);
  const minimumYesVotes = Number(project.resourcesConfig.minimumYesVotes ?? 100) || 100;
  // Anonymous callers keep only originalId and ranking of extraData (§2.5: no resourceform in the seed).
  const extraData: Record<string, unknown> = {};
  if (r.seed.originalId !== undefined) extraData.originalId = r.seed.originalId;
  if (r.seed.ranking !== undefined) extraData.ranking = r.seed.ranking;
  const json: Record<string, unknown> = {
    id: r.id,
    projectId: r.projectId,
    widgetId: null,
    userId: 1000 + (r.id % 97),
    startDate: r.createdAt,
    startDateHumanized: humanize(r.createdAt),
    score: wilsonScore(r.yes, r.no),
    sort: 1,
    viewableByRole: r.viewableByRole,
    title: r.seed.title,
    summary: r.seed.summary ?? '',
    description: r.seed.description ?? '',
    images: r.images,
    documents: [],
    budget: r.budget,
    extraData,
    timeline: null,
    location: r.seed.location ?? null,
    modBreaks: null,
    modBreaksHumanized: [],
    ...(withCounts && { progress: Math.round(Math.min(1, r.yes / minimumYesVotes) * 100) }),
    netVotes: withCounts ? r.yes - r.no : 0,
    createDateHumanized: humanize(r.createdAt),
    publishDate: r.publishDate,
    isSpam: false,
    publishDateHumanized: humanize(r.publishDate),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
  };
  if (withCounts) {
    // One count per configured vote value (§2.3); the seed holds yes and no, others count 0.
    for (const { value } of project.votes.voteValues) json[value] = value === 'yes' ? r.yes : value === 'no' ? r.no : 0;
  }
  if (side.includeCommentsCount) json.commentCount = r.seed.commentCount ?? 0;
  json.statuses = r.statuses.map(embeddedStatus);
  if (side.includeTags) json.tags = [...r.tags].sort((a, b) => a.seqnr - b.seqnr).map(embeddedTag);
  json.user = {};
  json.createdAtText = humanize(r.createdAt);
  json.can = {};
  if (side.dropTitle) delete json.title;
  return { ...json, ...r.seed.overrides };
}

function embeddedStatus(s: SimStatus) {
  return {
    id: s.id,
    name: s.name,
    label: s.label,
    extraFunctionality: { canComment: true, editableByUser: false, canLike: s.canLike },
    color: null,
    backgroundColor: null,
    mapIcon: null,
  };
}

function embeddedTag(t: SimTag) {
  return {
    id: t.id,
    type: t.type,
    seqnr: t.seqnr,
    name: t.name,
    label: t.label,
    defaultResourceImage: null,
    documentMapIconColor: '#000000',
    mapIcon: null,
  };
}

/** A tag as `GET …/tag` lists it (docs/upstreams/openstad.md §2.6). */
export function renderTag(t: SimTag, createdAt: string) {
  return {
    id: t.id,
    projectId: t.projectId,
    name: t.name,
    type: t.type,
    seqnr: t.seqnr,
    addToNewResources: false,
    label: t.label,
    color: null,
    backgroundColor: null,
    mapIcon: null,
    listIcon: null,
    extraData: {},
    useDifferentSubmitAddress: false,
    newSubmitAddress: null,
    defaultResourceImage: null,
    documentMapIconColor: null,
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
  };
}

/** A status as `GET …/status` lists it (docs/upstreams/openstad.md §2.6). */
export function renderStatus(s: SimStatus, createdAt: string) {
  return {
    id: s.id,
    projectId: s.projectId,
    name: s.name,
    seqnr: s.seqnr,
    addToNewResources: false,
    label: s.label,
    color: null,
    backgroundColor: null,
    mapIcon: null,
    listIcon: null,
    extraFunctionality: { canComment: true, editableByUser: false, canLike: s.canLike },
    extraData: {},
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
  };
}

/**
 * A project (docs/upstreams/openstad.md §2.7): `config` is editor-only and never sent; `safeConfig` is `{}` unless
 * `includeConfig` is sent, and then its arrays come out index-keyed.
 */
export function renderProject(p: SimProject, includeConfig: boolean) {
  const safeConfig = includeConfig
    ? indexKeyed({
        project: {
          endDateNotificationSent: false,
          ...p.projectConfig,
          projectHasEnded: p.projectConfig.projectHasEnded ?? false,
        },
        resources: {
          canAddNewResources: false,
          titleMinLength: 10,
          titleMaxLength: 50,
          minimumYesVotes: 100,
          ...p.resourcesConfig,
        },
        // projectHasEnded forces isActive false (`H:…/models/Project.js` beforeValidate, §2.7).
        votes: { ...p.votes, isActive: p.projectConfig.projectHasEnded ? false : p.votes.isActive },
      })
    : {};
  return {
    id: p.id,
    name: p.name,
    title: p.title,
    url: p.url,
    safeConfig,
    areaId: null,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
    deletedAt: null,
  };
}
