/** Seeded items for the search tests: real-shaped Dutch proposals and budget projects. */
import { aBudget, aProject, aProposal } from '../../../test/support/builders';
import { createSubgraphServer } from '../../core/serve';
import type { Budget, BudgetProject, Proposal, ProposalStatus } from '../../core/model';
import { EARTH_RADIUS_KM } from '../geo';
import { createSearchSubgraph } from '../subgraph';
import type { LiveSearchIndex } from '../LiveSearchIndex';

const text = (s: string) => ({ html: `<p>${s}</p>`, text: s });
const decidim = (n: number) => ({
  sourceId: 'gm0518-decidim',
  platform: 'DECIDIM' as const,
  upstreamId: String(n),
  upstreamReference: null,
  harvestedAt: '2026-01-01T00:00:00.000Z',
});

export const CENTER = { latitude: 51.5, longitude: 5.5 };
/** Degrees of latitude per kilometre along a meridian on our sphere. */
const DEG_PER_KM = 180 / (Math.PI * EARTH_RADIUS_KM);

export const stalling = aProposal(1, {
  title: 'Fietsenstallingen bij het station',
  body: text('Meer plek voor fietsen bij het station, want de stoep staat vol.'),
  tags: [{ name: 'Verkeer', kind: 'THEME' }],
  supportCount: 50,
  createdAt: '2024-03-01T10:00:00.000Z',
});
export const speeltuin = aProposal(2, {
  title: 'Nieuwe speeltuin in het Westerpark',
  body: text('Kinderen hebben een plek nodig om te spelen.'),
  status: 'ACCEPTED',
  tags: [{ name: 'Spelen', kind: 'THEME' }],
  supportCount: 120,
  createdAt: '2025-05-01T10:00:00.000Z',
  translations: [
    {
      locale: 'nl',
      title: 'Nieuwe speeltuin in het Westerpark',
      summary: null,
      body: text('Kinderen hebben een plek nodig om te spelen.'),
      machineTranslated: false,
    },
    {
      locale: 'en',
      title: 'New playground in Westerpark',
      summary: null,
      body: text('Children need a place to play outside.'),
      machineTranslated: true,
    },
  ],
});
export const terras = aProposal(3, {
  municipalityCode: 'GM0518',
  provenance: decidim(3),
  id: 'gm0518-decidim:proposal:3',
  title: 'Terras voor het café op het plein',
  body: text('Een groter terras maakt het plein gezellig.'),
  tags: [{ name: 'Horeca', kind: 'THEME' }],
  supportCount: 10,
  createdAt: '2025-02-01T10:00:00.000Z',
});
/** Removed before the index was ever loaded. */
export const removed = aProposal(4, {
  title: 'Fietsenstalling in Oost',
  body: text('Een fietsenstalling aan de oostkant.'),
  removedAt: '2025-12-01T00:00:00.000Z',
});
export const schoolplein = aProposal(5, {
  municipalityCode: 'GM0344',
  title: 'Groen schoolplein <script>alert(1)</script>',
  body: text('Tegels eruit, bomen erin & meer.'),
  status: 'UNDER_REVIEW',
  supportCount: null,
  createdAt: '2023-09-01T10:00:00.000Z',
  tags: [{ name: 'Groen', kind: 'THEME' }],
});
/** Exactly 10 km north of CENTER, and one 20 m further. */
export const atBoundary = aProposal(6, {
  municipalityCode: 'GM0772',
  title: 'Bankjes in het park',
  location: { point: { latitude: CENTER.latitude + 10 * DEG_PER_KM, longitude: CENTER.longitude }, address: null },
});
export const outside = aProposal(7, {
  municipalityCode: 'GM0772',
  title: 'Bankjes bij de vijver',
  location: { point: { latitude: CENTER.latitude + 10.02 * DEG_PER_KM, longitude: CENTER.longitude }, address: null },
});

const STATUSES: ProposalStatus[] = ['OPEN', 'OPEN', 'CLOSED', 'COMPLETED'];
const TOWNS = ['GM0363', 'GM0518', 'GM0344', 'GM0599'];
/** Filler for facets and paging: "Bomen planten in straat n" in four cities, three platforms, four years. */
export const bomen: Proposal[] = Array.from({ length: 24 }, (_, i) => {
  const n = 100 + i;
  const platform = (['OPENSTAD', 'DECIDIM', 'CONSUL'] as const)[i % 3]!;
  const sourceId = `gm-${platform.toLowerCase()}`;
  return aProposal(n, {
    municipalityCode: TOWNS[i % 4]!,
    status: STATUSES[i % 4]!,
    title: `Bomen planten in straat ${n}`,
    body: text(`Meer bomen in de straat, nummer ${n}.`),
    createdAt: new Date(Date.UTC(2022 + (i % 4), i % 12, 1)).toISOString(),
    supportCount: i % 5 === 0 ? null : i * 3,
    tags:
      i % 2 === 0
        ? [{ name: 'Groen', kind: 'THEME' }]
        : [
            { name: 'Verkeer', kind: 'THEME' },
            { name: 'Groen', kind: 'THEME' },
          ],
    id: `${sourceId}:proposal:${n}`,
    provenance: {
      sourceId,
      platform,
      upstreamId: String(n),
      upstreamReference: null,
      harvestedAt: '2026-01-01T00:00:00.000Z',
    },
  });
});

export const budget: Budget = aBudget(1, {
  municipalityCode: 'GM0518',
  title: 'Duinoord Begroot',
  createdAt: '2025-04-01T00:00:00.000Z',
});
export const projects: BudgetProject[] = [
  aProject(budget, 0, {
    title: 'Fietsenstalling bij de bibliotheek',
    description: text('Overdekt stallen voor 40 fietsen.'),
    voteCount: 30,
  }),
  aProject(budget, 1, { title: 'Bankjes op het Sweelinckplein', description: text('Nieuwe bankjes.'), voteCount: 143 }),
];

export const allProposals = [stalling, speeltuin, terras, removed, schoolplein, atBoundary, outside, ...bomen];

/** Runs an operation against the search subgraph alone, as its server would, with errors formatted for clients. */
export function searchRunner(index: LiveSearchIndex) {
  const subgraph = createSearchSubgraph(index);
  const server = createSubgraphServer(subgraph);
  const started = server.start();
  return async (query: string, variables: Record<string, unknown> = {}) => {
    await started;
    const res = await server.executeOperation({ query, variables }, { contextValue: subgraph.createContext() });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  };
}
