/**
 * Harvest of one openstad-headless project (docs/upstreams/openstad.md §2, §5). Requests, in order:
 * 1. `GET /api/project/{pid}?includeConfig=1` — the project and its public `safeConfig.votes` (§2.7);
 * 2. `GET /api/project/{pid}/status` — status `seqnr`, which the resource JSON leaves out (§2.5, §2.6);
 * 3. `GET /api/project/{pid}/resource?page=n&pageSize=100&sort=id_asc&includeTags=1&includeVoteCount=1&includeCommentsCount=1`
 *    for n = 0, 1, … (§2.3, §2.4);
 * 4. for a ballot project only, `GET /stats/project/{pid}/vote/no-of-users` — the voter count (§2.2);
 * 5. for a ballot project whose votes are public (`votes.isViewable`), `GET /api/project/{pid}/vote?page=n`:
 *    the vote list, one `yes` row per chosen resource (§2.8). Its pseudonymous `userId`s only group the
 *    rows into ballots inside this run (services/harvester/ballots.ts) and are never stored.
 */
import { makeId } from '../../../core/ids';
import {
  budgetProjectSchema,
  budgetSchema,
  proposalSchema,
  type Budget,
  type BudgetProject,
} from '../../../core/model';
import { anonymousBallots, type VoteRow, withBallots } from '../../ballots';
import { UpstreamSchemaError } from '../../errors';
import type { HarvestContext, HarvestResult } from '../../adapter';
import type { OpenstadSourceConfig } from './sourceSchema';
import { fetchAllPages, parseOrThrow } from './fetchAllPages';
import { ballotType } from './mapVotingRule';
import { projectUrl, type NormaliseEnv } from './normaliseCommon';
import { normaliseBudget } from './normaliseBudget';
import { normaliseProject } from './normaliseProject';
import { normaliseProposal } from './normaliseProposal';
import {
  headlessProjectSchema,
  headlessResourceSchema,
  headlessVoteSchema,
  statsCountSchema,
  statusListSchema,
  type HeadlessResource,
} from './upstreamSchemas';
import { normaliseOrReport, validateRecords } from './validateRecords';

/** The tag type whose tags form the groups of a per-tag ballot (data-model §2.9 `groupTagType` default). */
const GROUP_TAG_TYPE = 'theme';

/** Harvests the project `ctx.source.projectId` of a headless installation, given its tenant JSON (fetchTenant). */
export async function harvestHeadless(
  ctx: HarvestContext<OpenstadSourceConfig>,
  tenant: unknown,
): Promise<HarvestResult> {
  const pid = ctx.source.projectId;
  const env: NormaliseEnv = { source: ctx.source, harvestedAt: ctx.harvestedAt };
  const project = parseOrThrow(headlessProjectSchema, tenant, `GET /api/project/${pid}`);
  const statusList = parseOrThrow(
    statusListSchema,
    await ctx.http.getJson(`/api/project/${pid}/status`),
    `GET /api/project/${pid}/status`,
  );
  const seqnrById = new Map(
    statusList.flatMap((s) => (s.seqnr === null || s.seqnr === undefined ? [] : [[s.id, s.seqnr] as const])),
  );
  const url = projectUrl(project.url);

  // A project whose voteType is a ballot is a Budget and its resources are what residents vote on —
  // budget projects, not proposals; any other project (`likes`) collects ideas (data-model §5.1).
  const ballot = ballotType(project.safeConfig?.votes?.voteType);
  const path = `/api/project/${pid}/resource`;
  const raw = await fetchAllPages(ctx.http, path, {
    sort: 'id_asc',
    includeTags: 1,
    includeVoteCount: 1,
    includeCommentsCount: 1,
  });
  const kind = ballot ? 'project' : 'proposal';
  // Positions rank by id, whatever order the pages came in (data-model §5.4).
  const resources = validateRecords(raw, headlessResourceSchema, kind, ctx, `GET ${path}`).sort((a, b) => a.id - b.id);

  if (!ballot) {
    const proposals = resources.flatMap(
      (r) =>
        normaliseOrReport(
          r,
          (x) => normaliseProposal(x, env, { url, seqnrById }),
          proposalSchema,
          { kind, upstreamId: String(r.id) },
          ctx,
        ) ?? [],
    );
    return { platformVersion: 'headless', proposals, budgets: [], projects: [] };
  }

  const stats = parseOrThrow(
    statsCountSchema,
    await ctx.http.getJson(`/stats/project/${pid}/vote/no-of-users`),
    `GET /stats/project/${pid}/vote/no-of-users`,
  );
  const themes = ballot === 'budgetingPerTag' || ballot === 'countPerTag' ? groupNames(resources) : [];
  // The budget is the project itself: if it cannot be normalised, the source as a whole has failed.
  const budget = parseOrThrow(
    budgetSchema,
    budgetOrFail(() => normaliseBudget(project, env, { voterCount: stats.count >= 0 ? stats.count : null, themes })),
    `GET /api/project/${pid}`,
  );
  const budgetId = makeId(ctx.source.id, 'budget', pid);
  const ballots = project.safeConfig?.votes?.isViewable
    ? anonymousBallots(
        budgetId,
        // Vote rows are small: 1000 a page (docs/upstreams/openstad.md §5) spares the installation's rate limit.
        voteRows(await fetchAllPages(ctx.http, `/api/project/${pid}/vote`, { opinion: 'yes' }, 1000), ctx),
        resources.map((r) => String(r.id)),
        ctx.source.minBallotVoters,
      )
    : null;
  const projects: BudgetProject[] = [];
  resources.forEach((r) => {
    const position = projects.length;
    const p = normaliseOrReport(
      r,
      (x) => normaliseProject(x, env, { url, seqnrById, budgetId, position }),
      budgetProjectSchema,
      { kind, upstreamId: String(r.id) },
      ctx,
    );
    if (p) projects.push(p);
  });
  return {
    platformVersion: 'headless',
    proposals: [],
    budgets: [withBallots(budget, ballots)],
    projects,
    ballots: ballots ? [ballots] : [],
  };
}

/** The `yes` rows of the vote list, as voter → project pairs; a row of another shape is reported and skipped. */
function* voteRows(raw: unknown[], ctx: HarvestContext<OpenstadSourceConfig>): Generator<VoteRow> {
  for (const r of raw) {
    const v = headlessVoteSchema.safeParse(r);
    if (!v.success) {
      ctx.report({
        kind: 'budget',
        upstreamId: String(ctx.source.projectId),
        message: 'a vote row of an unexpected shape was skipped',
      });
      continue;
    }
    if (v.data.opinion === 'yes') yield { voter: String(v.data.userId), project: String(v.data.resourceId) };
  }
}

/** Names of the tags of the group type on the project's resources, in first-seen order (docs/upstreams/openstad.md §7 note 6). */
function groupNames(resources: HeadlessResource[]): string[] {
  const names = new Set<string>();
  for (const r of resources) for (const t of r.tags ?? []) if (t.type === GROUP_TAG_TYPE) names.add(t.name.trim());
  return [...names];
}

function budgetOrFail(run: () => Budget): Budget {
  try {
    return run();
  } catch (e) {
    throw new UpstreamSchemaError(`the project's voting settings cannot be normalised: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
