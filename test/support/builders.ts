/** Builders of valid unified-model records for tests; each override replaces a field. */
import { makeId } from '../../services/core/ids';
import type { Budget, BudgetProject, Proposal, Source } from '../../services/core/model';
import { PENDING_HARVEST } from '../../services/core/model';

export function aSource(o: Partial<Source> = {}): Source {
  return {
    id: 'gm0363-openstad',
    name: 'Amsterdam Begroot',
    municipalityCode: 'GM0363',
    platform: 'OPENSTAD',
    baseUrl: 'https://openstad.amsterdam.example',
    platformVersion: 'headless',
    harvest: PENDING_HARVEST,
    ...o,
  };
}

export function aProposal(n: number, o: Partial<Proposal> = {}): Proposal {
  const sourceId = o.provenance?.sourceId ?? 'gm0363-openstad';
  const created = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString();
  return {
    id: makeId(sourceId, 'proposal', n),
    municipalityCode: 'GM0363',
    title: `Voorstel ${n}`,
    summary: null,
    body: { html: `<p>Tekst ${n}</p>`, text: `Tekst ${n}` },
    locale: 'nl',
    translations: [],
    status: 'OPEN',
    platformStatus: null,
    supportCount: n,
    opposeCount: null,
    commentCount: 0,
    createdAt: created,
    publishedAt: created,
    updatedAt: null,
    tags: [],
    area: null,
    location: null,
    images: [],
    url: null,
    removedAt: null,
    provenance: {
      sourceId,
      platform: 'OPENSTAD',
      upstreamId: String(n),
      upstreamReference: null,
      harvestedAt: '2026-01-01T00:00:00.000Z',
    },
    ...o,
  };
}

export function aBudget(n: number, o: Partial<Budget> = {}): Budget {
  const sourceId = o.provenance?.sourceId ?? 'gm0363-openstad';
  return {
    id: makeId(sourceId, 'budget', n),
    municipalityCode: 'GM0363',
    title: `Begroting ${n}`,
    description: { html: '', text: '' },
    locale: 'nl',
    total: { amountMinor: 3_000_000, currency: 'EUR' },
    phase: 'VOTING',
    platformPhase: 'votes.isActive=true',
    votingPeriod: null,
    votingRule: {
      kind: 'APPROVAL_WITHIN_BUDGET',
      minTotal: null,
      maxTotal: { amountMinor: 3_000_000, currency: 'EUR' },
      minProjects: null,
      maxProjects: null,
      themes: [],
    },
    voterCount: null,
    outcomeRule: null,
    ballots: null,
    url: null,
    createdAt: new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString(),
    removedAt: null,
    provenance: {
      sourceId,
      platform: 'OPENSTAD',
      upstreamId: String(n),
      upstreamReference: null,
      harvestedAt: '2026-01-01T00:00:00.000Z',
    },
    ...o,
  };
}

export function aProject(budget: Budget, n: number, o: Partial<BudgetProject> = {}): BudgetProject {
  const sourceId = budget.provenance.sourceId;
  return {
    id: makeId(sourceId, 'project', `${budget.provenance.upstreamId}-${n}`),
    budgetId: budget.id,
    municipalityCode: budget.municipalityCode,
    position: n,
    title: `Project ${n}`,
    description: { html: '', text: '' },
    cost: { amountMinor: 100_000 * (n + 1), currency: 'EUR' },
    voteCount: 10 * n,
    selected: null,
    platformStatus: null,
    tags: [],
    location: null,
    images: [],
    proposalId: null,
    url: null,
    removedAt: null,
    provenance: {
      sourceId,
      platform: budget.provenance.platform,
      upstreamId: `${budget.provenance.upstreamId}-${n}`,
      upstreamReference: null,
      harvestedAt: '2026-01-01T00:00:00.000Z',
    },
    ...o,
  };
}
