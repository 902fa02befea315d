/**
 * Turns a seed into the simulator's in-memory installation: tag and status names resolved to records,
 * defaults filled in as the platform's config parser and model setters would (docs/upstreams/openstad.md §2.5, §2.7).
 */
import type {
  OpenstadLegacyStatus,
  OpenstadSeed,
  OpenstadSeedImage,
  OpenstadSeedProject,
  OpenstadSeedResource,
  OpenstadSeedVotes,
} from './seedTypes';

export interface SimTag {
  id: number;
  projectId: number;
  name: string;
  type: string | null;
  seqnr: number;
  label: string | null;
}
export interface SimStatus {
  id: number;
  projectId: number;
  name: string;
  label: string | null;
  seqnr: number;
  canLike: boolean;
}

export interface SimResource {
  seed: OpenstadSeedResource;
  id: number;
  projectId: number;
  /** `budget` after the model setter: 0 becomes null (docs/upstreams/openstad.md §2.5). */
  budget: number | null;
  yes: number;
  no: number;
  tags: SimTag[];
  statuses: SimStatus[];
  images: { url: string; description?: string; alt?: string }[];
  createdAt: string;
  updatedAt: string;
  publishDate: string | null;
  deletedAt: string | null;
  viewableByRole: string | null;
  legacyStatus: OpenstadLegacyStatus;
}

export type SimVotes = Required<
  Pick<
    OpenstadSeedVotes,
    | 'isViewable'
    | 'isActive'
    | 'voteType'
    | 'voteValues'
    | 'minResources'
    | 'maxResources'
    | 'requiredUserRole'
    | 'withExisting'
  >
> &
  Pick<OpenstadSeedVotes, 'minBudget' | 'maxBudget'> & { mustConfirm: boolean };

export interface SimProject {
  seed: OpenstadSeedProject;
  id: number;
  name: string;
  title: string;
  url: string;
  domain: string;
  createdAt: string;
  votes: SimVotes;
  projectConfig: { endDate?: string; projectHasEnded?: boolean };
  resourcesConfig: Record<string, unknown>;
  archivedVotes: boolean;
  tags: SimTag[];
  statuses: SimStatus[];
  resources: SimResource[];
  voterCount: number;
  ballots: number[][] | null;
}

const BASE_TIME = Date.parse('2025-03-01T09:00:00.000Z');

/** Resolves `seed` (a resource without `createdAt` is created one day after the previous one) for an installation served at `baseUrl`. */
export function resolveSeed(seed: OpenstadSeed, baseUrl: string): Map<number, SimProject> {
  const all = seed.projects;
  // Tags and statuses are rows of one installation's tables, so their ids are unique across projects.
  let nextTagId = Math.max(0, ...all.flatMap((p) => (p.tags ?? []).map((t) => t.id))) + 1;
  let nextStatusId = Math.max(0, ...all.flatMap((p) => (p.statuses ?? []).map((s) => s.id))) + 1;
  const projects = new Map<number, SimProject>();
  for (const p of all) {
    const tags: SimTag[] = (p.tags ?? []).map((t, i) => ({
      id: t.id,
      projectId: p.id,
      name: t.name,
      type: t.type ?? null,
      seqnr: t.seqnr ?? (i + 1) * 10,
      label: t.label ?? null,
    }));
    const statuses: SimStatus[] = (p.statuses ?? []).map((s, i) => ({
      id: s.id,
      projectId: p.id,
      name: s.name,
      label: s.label ?? null,
      seqnr: s.seqnr ?? (i + 1) * 10,
      canLike: s.canLike ?? true,
    }));
    const tagByName = (name: string): SimTag => {
      let tag = tags.find((t) => t.name === name);
      if (!tag) {
        tag = { id: nextTagId++, projectId: p.id, name, type: 'theme', seqnr: (tags.length + 1) * 10, label: null };
        tags.push(tag);
      }
      return tag;
    };
    const statusByName = (name: string): SimStatus => {
      let status = statuses.find((s) => s.name === name);
      if (!status) {
        status = {
          id: nextStatusId++,
          projectId: p.id,
          name,
          label: null,
          seqnr: (statuses.length + 1) * 10,
          canLike: true,
        };
        statuses.push(status);
      }
      return status;
    };
    const createdAt = p.createdAt ?? new Date(BASE_TIME).toISOString();
    const resources = p.resources.map((r, i) =>
      resolveResource(p.id, r, Date.parse(createdAt) + (i + 1) * 86_400_000, baseUrl, tagByName, statusByName),
    );
    const v = p.config?.votes ?? {};
    projects.set(p.id, {
      seed: p,
      id: p.id,
      name: p.name,
      title: p.title ?? p.name,
      url: p.url ?? `${baseUrl}/${p.name}`,
      domain: p.domain ?? `${p.name}.openstad.test`,
      createdAt,
      // Defaults of H:…/models/lib/project-config.js (docs/upstreams/openstad.md §2.7); min/maxBudget stay unset.
      votes: {
        isViewable: v.isViewable ?? false,
        isActive: v.isActive ?? false,
        requiredUserRole: v.requiredUserRole ?? 'member',
        mustConfirm: false,
        withExisting: v.withExisting ?? 'error',
        voteType: v.voteType ?? 'likes',
        voteValues: v.voteValues ?? [
          { label: 'voor', value: 'yes' },
          { label: 'tegen', value: 'no' },
        ],
        minResources: v.minResources ?? 1,
        maxResources: v.maxResources ?? 100,
        ...(v.minBudget !== undefined && { minBudget: v.minBudget }),
        ...(v.maxBudget !== undefined && { maxBudget: v.maxBudget }),
      },
      projectConfig: p.config?.project ?? {},
      resourcesConfig: p.config?.resources ?? {},
      archivedVotes: p.config?.archivedVotes ?? false,
      tags,
      statuses,
      resources,
      voterCount: p.voterCount ?? p.ballots?.length ?? Math.max(0, ...resources.map((r) => r.yes)),
      ballots: p.ballots ?? null,
    });
  }
  return projects;
}

function resolveResource(
  projectId: number,
  r: OpenstadSeedResource,
  defaultCreated: number,
  baseUrl: string,
  tagByName: (n: string) => SimTag,
  statusByName: (n: string) => SimStatus,
): SimResource {
  const created = r.createdAt ?? new Date(defaultCreated).toISOString();
  const createdMs = Date.parse(created);
  return {
    seed: r,
    id: r.id,
    projectId,
    budget: r.budget ? Math.trunc(r.budget) : null,
    yes: r.yes ?? 0,
    no: r.no ?? 0,
    tags: (r.tags ?? []).map(tagByName),
    statuses: (r.statuses ?? []).map(statusByName),
    images: (r.images ?? []).map((img) => absoluteImage(img, baseUrl)),
    createdAt: created,
    updatedAt: r.updatedAt ?? new Date(createdMs + 10 * 86_400_000).toISOString(),
    publishDate: r.publishDate === undefined ? new Date(createdMs + 3_600_000).toISOString() : r.publishDate,
    deletedAt: r.deletedAt ?? null,
    viewableByRole: r.viewableByRole === undefined ? 'all' : r.viewableByRole,
    legacyStatus: r.legacyStatus ?? 'OPEN',
  };
}

function absoluteImage(img: OpenstadSeedImage, baseUrl: string): { url: string; description?: string; alt?: string } {
  const o = typeof img === 'string' ? { url: img } : img;
  return { ...o, url: o.url.startsWith('/') ? `${baseUrl}${o.url}` : o.url };
}

/** Anonymous visibility (docs/upstreams/openstad.md §2.5): published, viewable by all, not deleted. */
export function isVisible(r: SimResource): boolean {
  return (
    r.publishDate !== null &&
    r.deletedAt === null &&
    (r.viewableByRole === null || r.viewableByRole === 'all' || r.viewableByRole === 'anonymous')
  );
}
