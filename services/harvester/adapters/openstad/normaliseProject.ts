/**
 * A headless resource in a budgeting project → BudgetProject (docs/data-model.md §5.4). Resources of a
 * budgeting project are what residents vote on — budget projects, not proposals (docs/upstreams/openstad.md §4, data-model §5.1).
 */
import { makeId } from '../../../core/ids';
import { fromWholeUnits } from '../../../core/money';
import type { BudgetProject } from '../../../core/model';
import { formattedText, plainText } from '../../text';
import { mapHeadlessStatus, selectedFromStatus } from './mapStatus';
import {
  headlessImages,
  headlessTags,
  originalProposalId,
  pointLocation,
  provenance,
  resourceUrl,
  type NormaliseEnv,
} from './normaliseCommon';
import type { HeadlessProjectInfo } from './normaliseProposal';
import type { HeadlessResource } from './upstreamSchemas';

/**
 * Normalises one validated resource of budget `budgetId` at `position` (rank by id, 0-based).
 * `cost` is `budget` in whole units × 100, null when null (0 is stored upstream as null, docs/upstreams/openstad.md §2.5);
 * `voteCount` is the `yes` count — ballots holding the project — or null when not public (§4, §7 note 4);
 * `selected` is derived from the mapped status; `summary` is dropped (data-model §5.4).
 */
export function normaliseProject(
  r: HeadlessResource,
  env: NormaliseEnv,
  project: HeadlessProjectInfo & { budgetId: string; position: number },
): BudgetProject {
  const { status, platformStatus } = mapHeadlessStatus(r.statuses, project.seqnrById, env.source.statusMap);
  return {
    id: makeId(env.source.id, 'project', r.id),
    budgetId: project.budgetId,
    municipalityCode: env.source.municipality,
    position: project.position,
    title: plainText(r.title),
    description: formattedText(r.description),
    cost: r.budget ? fromWholeUnits(r.budget, env.source.currency) : null,
    voteCount: r.yes ?? null,
    selected: platformStatus ? selectedFromStatus(status) : null,
    platformStatus,
    tags: headlessTags(r.tags),
    location: r.location ? pointLocation(r.location.lat, r.location.lng) : null,
    images: headlessImages(r.images),
    proposalId: originalProposalId(env, r.extraData),
    url: resourceUrl(project.url, r.id),
    provenance: provenance(env, r.id),
    removedAt: null,
  };
}
