/**
 * A PROJECTS row of a `.pb` file → a BudgetProject (docs/data-model.md §7, docs/upstreams/pabulib.md §3).
 * Project ids are unique only within their file, so the upstream id is `<file name without .pb>/<project_id>`.
 */
import { makeId } from '../../../core/ids';
import type { BudgetProject, Tag } from '../../../core/model';
import { formattedText, plainText } from '../../text';
import type { NormaliseEnv } from './normaliseBudget';
import type { PabulibProjectRow } from './upstreamSchemas';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `selected` 1 and 0 are a winner and not one; other values (the format allows 2 and 3) are not read. */
const SELECTED: Record<string, boolean> = { '1': true, '0': false };

export function projectKey(budgetKey: string, projectId: string): string {
  return `${budgetKey}/${projectId}`;
}

/**
 * @param voteCount the row's `votes`, or where the file has no such column, the ballots holding the project.
 */
export function normaliseProject(
  row: PabulibProjectRow,
  env: NormaliseEnv,
  ctx: { budgetId: string; budgetKey: string; position: number; currency: string; voteCount: number | null },
): BudgetProject {
  const upstreamId = projectKey(ctx.budgetKey, row.project_id);
  const tags: Tag[] = [
    ...(row.category ?? []).map((name) => ({ name, kind: 'THEME' as const })),
    ...[row.neighborhood, row.district, row.subunit].flatMap((n) => (n ? [{ name: n, kind: 'AREA' as const }] : [])),
  ];
  const unique = [...new Map(tags.map((t) => [`${t.kind}:${t.name}`, t])).values()];
  return {
    id: makeId(env.source.id, 'project', upstreamId),
    budgetId: ctx.budgetId,
    municipalityCode: env.source.municipality,
    position: ctx.position,
    title: plainText(row.name) || row.project_id,
    description: row.description ? formattedText(`<p>${escapeHtml(row.description)}</p>`) : { html: '', text: '' },
    cost: { amountMinor: row.cost, currency: ctx.currency },
    voteCount: row.votes ?? ctx.voteCount,
    selected: row.selected !== undefined ? (SELECTED[row.selected] ?? null) : null,
    platformStatus: null,
    tags: unique,
    location:
      row.latitude !== undefined && row.longitude !== undefined
        ? { point: { latitude: row.latitude, longitude: row.longitude }, address: null }
        : null,
    images: [],
    proposalId: null,
    url: null,
    provenance: {
      sourceId: env.source.id,
      platform: 'PABULIB',
      upstreamId,
      upstreamReference: null,
      harvestedAt: env.harvestedAt,
    },
    removedAt: null,
  };
}
