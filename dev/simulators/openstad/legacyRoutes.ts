/**
 * The read API of the archived openstad-api (A, docs/upstreams/openstad.md §3) over the same in-memory installation:
 * each project is served as a site, each resource as an idea. Sites resolve by numeric id or by domain.
 */
import type { SimHandler, SimRequest, SimResponse } from '../simServer';
import { paginate } from './paginate';
import { renderIdea, renderSite } from './renderLegacy';
import { isVisible, type SimProject } from './resolveSeed';
import { cannotGet, errorJson, flag, ids } from './simHelpers';
import { sortIdeas } from './sortResources';
import type { DriftMode } from './startOpenstadSimulator';

/** Builds the handler; `state()` gives the sites and the drift mode in force. */
export function legacyRoutes(state: () => { projects: Map<number, SimProject>; driftMode: DriftMode }): SimHandler {
  return (req) => {
    if (req.method !== 'GET') return cannotGet(req.method, req.path);
    const { projects, driftMode } = state();
    // The server renders its own markdown docs (§3, `A:src/routes/doc.js`).
    if (/^\/doc(\/[\w-]+)?$/.test(req.path))
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, text: '<h1>OpenStad API</h1>' };
    if (req.path === '/api/site') return errorJson(401, 'Je hebt geen toegang tot deze sites'); // listing needs moderator (§3)
    const m = /^\/(api|stats)\/site\/([^/]+)(\/.*)?$/.exec(req.path);
    if (!m) return cannotGet(req.method, req.path);
    const key = decodeURIComponent(m[2]!);
    const site = /^\d+$/.test(key) ? projects.get(Number(key)) : [...projects.values()].find((s) => s.domain === key);
    if (!site) return errorJson(404, 'Site niet gevonden');
    const rest = m[3] ?? '';
    if (m[1] === 'stats') return stats(site, rest, req);
    if (rest === '' || rest === '/') return { status: 200, json: renderSite(site) };
    if (rest === '/idea') return listIdeas(site, req, driftMode);
    const one = /^\/idea\/(\d+)$/.exec(rest);
    if (one) {
      const r = site.resources.find((x) => x.id === Number(one[1]) && isVisible(x));
      // A throws `Idea not found`, which its error handler turns into a 404 (A:src/routes/api/idea.js).
      if (!r) return errorJson(404, 'Idea not found');
      return {
        status: 200,
        json: renderIdea(site, r, { includeTags: flag(req.query, 'includeTags'), includeVoteCount: true }),
      };
    }
    if (rest === '/tag')
      return {
        status: 200,
        json: site.tags.filter((t) => t.type !== 'area').map((t) => ({ id: t.id, siteId: site.id, name: t.name })),
      };
    if (rest === '/vote') {
      if (!site.votes.isViewable) return errorJson(403, 'Stemmen zijn niet zichtbaar');
      // userId is shown to admins only (§3), so anonymous rows have none.
      const rows = site.resources
        .filter(isVisible)
        .flatMap((r) => [
          ...Array.from({ length: r.yes }, () => ({
            ideaId: r.id,
            confirmed: null,
            opinion: 'yes',
            createdAt: r.updatedAt,
          })),
          ...Array.from({ length: r.no }, () => ({
            ideaId: r.id,
            confirmed: null,
            opinion: 'no',
            createdAt: r.updatedAt,
          })),
        ])
        .map((v, i) => ({ id: i + 1, ...v }));
      return paginate(rows, req);
    }
    return cannotGet(req.method, req.path);
  };
}

/** `GET /api/site/:id/idea` (§3): paging as H, `includeTags`, `includeVoteCount` only when `isViewable`. */
function listIdeas(site: SimProject, req: SimRequest, driftMode: DriftMode): SimResponse {
  const q = req.query;
  const tagIds = ids(q, 'tags');
  const visible = site.resources.filter(
    (r) => isVisible(r) && (!tagIds.length || r.tags.some((t) => tagIds.includes(t.id))),
  );
  const drift = req.fault?.kind === 'drift';
  const side = {
    includeTags: flag(q, 'includeTags') || tagIds.length > 0,
    includeVoteCount: flag(q, 'includeVoteCount'),
    dropTitle: drift && driftMode === 'field',
  };
  return paginate(
    sortIdeas(visible, q.get('sort')),
    req,
    { loop: req.fault?.kind === 'paginationLoop', renameRecords: drift && driftMode === 'envelope' },
    (r) => renderIdea(site, r, side),
  );
}

/** The `/stats/site/:id/…` counts, with the `|| -1` quirk: a count of 0 is reported as -1 (§3). */
function stats(site: SimProject, rest: string, req: SimRequest): SimResponse {
  const visible = site.resources.filter(isVisible);
  if (rest === '/idea/total') return { status: 200, json: { count: visible.length || -1 } };
  if (rest === '/vote/no-of-users') return { status: 200, json: { count: site.voterCount || -1 } };
  if (rest === '/vote/total') {
    if (!site.votes.isViewable) return errorJson(401, 'Je kunt deze stemmen niet bekijken');
    const opinion = req.query.get('opinion');
    const count = visible.reduce((n, r) => n + (opinion === 'no' ? r.no : opinion === 'yes' ? r.yes : r.yes + r.no), 0);
    return { status: 200, json: { count: count || -1 } };
  }
  return cannotGet(req.method, req.path);
}
