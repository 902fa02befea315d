/**
 * Harvest of one site of the archived openstad-api (docs/upstreams/openstad.md §3, §5). Requests, in order:
 * 1. `GET /api/site/{sid}` — the site, read by fetchTenant (which finds or verifies the generation);
 * 2. `GET /api/site/{sid}/idea?page=n&pageSize=100&sort=createdate_asc&includeTags=1&includeVoteCount=1`
 *    for n = 0, 1, … — `createdate_asc` because A has no `id_asc` (§3), and new ideas then land on the last page.
 *
 * Every idea becomes a Proposal; no Budget is emitted. A site's `config` (voteType, maxBudget, isActive) is
 * editor-only (§3, §4, §7 note 5), so whether a site is a budgeting round cannot be read, and the source
 * configuration has no field to declare it (data-model §5.1 says A "needs the role configured").
 * Inventing a Budget from ideas that happen to carry a `budget` would guess; see the report.
 */
import { proposalSchema } from '../../../core/model';
import type { HarvestContext, HarvestResult } from '../../adapter';
import type { OpenstadSourceConfig } from './sourceSchema';
import { fetchAllPages, parseOrThrow } from './fetchAllPages';
import type { NormaliseEnv } from './normaliseCommon';
import { normaliseLegacyIdea } from './normaliseLegacyIdea';
import { legacyIdeaSchema, legacySiteSchema } from './upstreamSchemas';
import { normaliseOrReport, validateRecords } from './validateRecords';

/** Harvests the site `ctx.source.projectId` of a legacy installation, given its tenant JSON (fetchTenant). */
export async function harvestLegacy(
  ctx: HarvestContext<OpenstadSourceConfig>,
  tenant: unknown,
): Promise<HarvestResult> {
  const sid = ctx.source.projectId;
  const env: NormaliseEnv = { source: ctx.source, harvestedAt: ctx.harvestedAt };
  parseOrThrow(legacySiteSchema, tenant, `GET /api/site/${sid}`);
  const path = `/api/site/${sid}/idea`;
  const raw = await fetchAllPages(ctx.http, path, { sort: 'createdate_asc', includeTags: 1, includeVoteCount: 1 });
  const ideas = validateRecords(raw, legacyIdeaSchema, 'proposal', ctx, `GET ${path}`).sort((a, b) => a.id - b.id);
  const proposals = ideas.flatMap(
    (i) =>
      normaliseOrReport(
        i,
        (x) => normaliseLegacyIdea(x, env),
        proposalSchema,
        { kind: 'proposal', upstreamId: String(i.id) },
        ctx,
      ) ?? [],
  );
  return { platformVersion: 'legacy', proposals, budgets: [], projects: [] };
}
