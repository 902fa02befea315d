/**
 * The read API of openstad-headless (H, docs/upstreams/openstad.md §2) over an in-memory installation. Every path with
 * `/project/:id` first resolves the project and answers 404 `Project niet gevonden` for an unknown id
 * (`H:…/middleware/project.js`, §2.1).
 */
import type { SimHandler, SimRequest, SimResponse } from '../simServer';
import { paginate } from './paginate';
import { renderProject, renderResource, renderStatus, renderTag } from './renderHeadless';
import { isVisible, type SimProject } from './resolveSeed';
import { cannotGet, errorJson, flag, ids } from './simHelpers';
import { sortResources } from './sortResources';
import type { DriftMode } from './startOpenstadSimulator';

/** Builds the handler; `state()` gives the projects and the drift mode in force. */
export function headlessRoutes(state: () => { projects: Map<number, SimProject>; driftMode: DriftMode }): SimHandler {
  return (req) => {
    if (req.method !== 'GET') return cannotGet(req.method, req.path);
    const { projects, driftMode } = state();
    if (req.path === '/api/project') {
      // Listing needs role ≥ member unless getBasicInformation is asked for (§2.2).
      if (!flag(req.query, 'getBasicInformation')) return errorJson(403, 'Je hebt geen toegang tot deze projecten');
      return { status: 200, json: [...projects.values()].map((p) => ({ id: p.id, createdAt: p.createdAt, tags: [] })) };
    }
    const m = /^\/(api|stats)\/project\/(\d+)(\/.*)?$/.exec(req.path);
    if (!m) return cannotGet(req.method, req.path);
    const project = projects.get(Number(m[2]));
    if (!project) return errorJson(404, 'Project niet gevonden');
    const rest = m[3] ?? '';
    return m[1] === 'stats' ? stats(project, rest, req) : api(project, rest, req, driftMode);
  };
}

function api(p: SimProject, rest: string, req: SimRequest, driftMode: DriftMode): SimResponse {
  const q = req.query;
  if (rest === '' || rest === '/') return { status: 200, json: renderProject(p, flag(q, 'includeConfig')) };
  if (rest === '/resource') return listResources(p, req, driftMode);
  let m = /^\/resource\/(\d+)$/.exec(rest);
  if (m) {
    const r = p.resources.find((x) => x.id === Number(m![1]) && isVisible(x));
    if (!r) return errorJson(404, 'Resource not found');
    const side = {
      includeTags: flag(q, 'includeTags'),
      includeVoteCount: flag(q, 'includeVoteCount'),
      includeCommentsCount: flag(q, 'includeCommentsCount'),
    };
    return { status: 200, json: renderResource(p, r, side) };
  }
  if (rest === '/tag') {
    const type = q.get('type');
    const wanted = ids(q, 'tags');
    const tags = [...p.tags]
      .sort((a, b) => a.seqnr - b.seqnr)
      .filter((t) => (type === null || t.type === type) && (!wanted.length || wanted.includes(t.id)));
    return { status: 200, json: tags.map((t) => renderTag(t, p.createdAt)) };
  }
  m = /^\/tag\/(\d+)$/.exec(rest);
  if (m) {
    const t = p.tags.find((x) => x.id === Number(m![1]));
    return t ? { status: 200, json: renderTag(t, p.createdAt) } : errorJson(404, 'Tag not found');
  }
  if (rest === '/status')
    return {
      status: 200,
      json: [...p.statuses].sort((a, b) => a.seqnr - b.seqnr).map((s) => renderStatus(s, p.createdAt)),
    };
  m = /^\/status\/(\d+)$/.exec(rest);
  if (m) {
    const s = p.statuses.find((x) => x.id === Number(m![1]));
    return s ? { status: 200, json: renderStatus(s, p.createdAt) } : errorJson(404, 'Status not found');
  }
  if (rest === '/vote') return listVotes(p, req);
  return cannotGet(req.method, req.path);
}

/** `GET /api/project/:id/resource` with the parameters of docs/upstreams/openstad.md §2.3. */
function listResources(p: SimProject, req: SimRequest, driftMode: DriftMode): SimResponse {
  const q = req.query;
  const tagIds = ids(q, 'tags');
  const excludeTags = ids(q, 'excludeTags');
  const statusIds = ids(q, 'statuses');
  const excludeStatuses = ids(q, 'excludeStatuses');
  const only = ids(q, 'ids');
  const visible = p.resources.filter(
    (r) =>
      isVisible(r) &&
      (!tagIds.length || r.tags.some((t) => tagIds.includes(t.id))) &&
      !r.tags.some((t) => excludeTags.includes(t.id)) &&
      (!statusIds.length || r.statuses.some((s) => statusIds.includes(s.id))) &&
      !r.statuses.some((s) => excludeStatuses.includes(s.id)) &&
      (!only.length || only.includes(r.id)),
  );
  const drift = req.fault?.kind === 'drift';
  const side = {
    includeTags: flag(q, 'includeTags') || tagIds.length > 0, // `tags=` switches includeTags on (§2.3)
    includeVoteCount: flag(q, 'includeVoteCount'),
    includeCommentsCount: flag(q, 'includeCommentsCount'),
    dropTitle: drift && driftMode === 'field',
  };
  const sorted = sortResources(visible, q.getAll('sort'));
  return paginate(
    sorted,
    req,
    { loop: req.fault?.kind === 'paginationLoop', renameRecords: drift && driftMode === 'envelope' },
    (r) => renderResource(p, r, side),
  );
}

/**
 * `GET /api/project/:id/vote`: only when `isViewable`, else 403 (§2.2, §2.8): one `yes` row per chosen
 * resource, with the voter's pseudonymous user id. From the seed's ballots where it has them; otherwise
 * synthesised from the counts (voter k holds the k-th `yes` of every resource).
 */
function listVotes(p: SimProject, req: SimRequest): SimResponse {
  if (!p.votes.isViewable) return errorJson(403, 'Stemmen zijn niet zichtbaar');
  const rows: unknown[] = [];
  let id = 1;
  const opinion = req.query.get('opinion');
  if (p.ballots) {
    p.ballots.forEach((ballot, v) => {
      for (const resourceId of ballot)
        rows.push({
          id: id++,
          resourceId,
          confirmed: null,
          opinion: 'yes',
          createdAt: p.createdAt,
          userId: 7000 + v,
          resource: { id: resourceId, projectId: p.id },
        });
    });
    return paginate(rows, req);
  }
  for (const r of p.resources.filter(isVisible)) {
    for (const [o, n] of [
      ['yes', r.yes],
      ['no', r.no],
    ] as const) {
      for (let k = 0; k < n; k++) {
        if (opinion && opinion !== o) continue; // the `opinion` filter (§2.8)
        rows.push({
          id: id++,
          resourceId: r.id,
          confirmed: null,
          opinion: o,
          createdAt: r.updatedAt,
          userId: 5000 + (k % Math.max(1, p.voterCount)),
          resource: { id: r.id, projectId: p.id },
        });
      }
    }
  }
  return paginate(rows, req);
}

/** The `/stats/project/:id/…` counts (§2.2). */
function stats(p: SimProject, rest: string, req: SimRequest): SimResponse {
  if (rest === '/vote/no-of-users') return { status: 200, json: { count: p.voterCount } };
  if (rest === '/vote/total') {
    if (!p.votes.isViewable) return errorJson(401, 'Je kunt deze stemmen niet bekijken');
    const opinion = req.query.get('opinion');
    const visible = p.resources.filter(isVisible);
    const count = visible.reduce((n, r) => n + (opinion === 'no' ? r.no : opinion === 'yes' ? r.yes : r.yes + r.no), 0);
    return { status: 200, json: { count } };
  }
  // As written upstream this reads rows[0] of an already destructured row and so answers -1 (§2.2).
  if (rest === '/resource/total') return { status: 200, json: { count: -1 } };
  return cannotGet(req.method, req.path);
}
