import type { OpenstadSourceConfig } from '../../../config';
import { mapHeadlessStatus, mapLegacyStatus, selectedFromStatus } from '../mapStatus';
import { mapVotingRule } from '../mapVotingRule';
import type { NormaliseEnv } from '../normaliseCommon';
import { mapBudgetPhase, normaliseBudget } from '../normaliseBudget';
import { normaliseProject } from '../normaliseProject';
import { normaliseProposal } from '../normaliseProposal';
import { normaliseLegacyIdea } from '../normaliseLegacyIdea';
import { headlessProjectSchema, headlessResourceSchema, legacyIdeaSchema } from '../upstreamSchemas';
import { budgetProjectSchema, budgetSchema, proposalSchema } from '../../../../core/model';

const source: OpenstadSourceConfig = {
  id: 'gm0518-openstad',
  platform: 'openstad',
  municipality: 'GM0518',
  baseUrl: 'https://openstad.denhaag.example',
  currency: 'EUR',
  timeoutMs: 2000,
  maxResponseBytes: 5_000_000,
  statusMap: {},
  minBallotVoters: 10,
  projectId: 7,
  generation: 'headless',
};
const env: NormaliseEnv = { source, harvestedAt: '2026-11-26T02:45:05.540Z' };
const provenance = (upstreamId: string) => ({
  sourceId: 'gm0518-openstad',
  platform: 'OPENSTAD',
  upstreamId,
  upstreamReference: null,
  harvestedAt: env.harvestedAt,
});

/** The resource of docs/upstreams/openstad.md §2.5, as an anonymous caller gets it with every side-load on a viewable project. */
const headless25 = {
  id: 42,
  projectId: 7,
  widgetId: 15,
  userId: 1234,
  startDate: '2025-03-01T09:12:00.000Z',
  startDateHumanized: '1 maart 2025 10:12',
  score: '0.54621848739',
  sort: 1,
  viewableByRole: 'all',
  title: 'Bloemen in de berm',
  summary: 'Meer bloemen voor bijen langs de Reinkenstraat.',
  description: '<p>We willen de bermen inzaaien met <strong>meerjarige</strong> bloemen…</p>',
  images: [{ url: 'https://img.example.nl/image/abc123.jpg' }],
  documents: [],
  budget: 4500,
  extraData: { originalId: 17 },
  timeline: null,
  location: { lat: 52.0853, lng: 4.2931 },
  modBreaks: null,
  modBreaksHumanized: [],
  progress: 87,
  netVotes: 87,
  createDateHumanized: '1 maart 2025 10:12',
  publishDate: '2025-03-02T08:00:00.000Z',
  isSpam: false,
  publishDateHumanized: '2 maart 2025 09:00',
  createdAt: '2025-03-01T09:12:00.000Z',
  updatedAt: '2025-06-09T18:44:10.000Z',
  deletedAt: null,
  yes: 87,
  no: 0,
  commentCount: 3,
  statuses: [
    {
      id: 31,
      name: 'Deze inzending is door naar de stemronde',
      label: 'Door naar stemronde',
      extraFunctionality: { canComment: true, editableByUser: false },
      color: null,
      backgroundColor: null,
      mapIcon: null,
    },
  ],
  tags: [
    {
      id: 11,
      type: 'theme',
      seqnr: 10,
      name: 'Groen en duurzaamheid',
      label: null,
      defaultResourceImage: null,
      documentMapIconColor: '#000000',
      mapIcon: null,
    },
  ],
  user: {},
  createdAtText: '1 maart 2025 10:12',
  can: {},
};

/** The same resource on a project whose votes are not viewable: no counts, no side-loaded tags; entities in the title. */
const headlessHidden = {
  ...headless25,
  id: 43,
  title: 'Bankjes &amp; prullenbakken',
  summary: '',
  yes: undefined,
  no: undefined,
  progress: undefined,
  tags: [
    { id: 12, type: 'area', name: 'Duinoord' },
    { id: 13, type: 'wijkdeel', name: 'Noord' },
  ],
  statuses: [],
  images: [{ url: 'https://img.example.nl/b.jpg', description: 'Een bankje' }],
  location: null,
  extraData: {},
};

/** The idea of docs/upstreams/openstad.md §3. */
const legacy3 = {
  id: 17,
  siteId: 12,
  userId: 345,
  startDate: '2019-03-05T10:00:00.000Z',
  startDateHumanized: '5 maart 2019 11:00',
  endDate: '2019-06-03T10:00:00.000Z',
  sort: 1,
  typeId: null,
  status: 'ACCEPTED',
  viewableByRole: 'all',
  title: 'Honey Highway',
  summary: 'Bloemen voor bijen.',
  description: '<p>…</p>',
  budget: 4500,
  extraData: {
    images: ['https://img.example.nl/image/x.jpg'],
    theme: 'Groen en duurzaamheid',
    area: 'Duinoord',
    originalId: 5,
  },
  location: { type: 'Point', coordinates: [52.0853, 4.2931] },
  position: { lat: 52.0853, lng: 4.2931 },
  modBreak: null,
  modBreakUserId: null,
  modBreakDate: null,
  yes: 87,
  no: 0,
  progress: 87,
  createDateHumanized: '5 maart 2019 11:00',
  publishDate: '2019-03-05T10:00:00.000Z',
  publishDateHumanized: '5 maart 2019 11:00',
  createdAt: '2019-03-05T10:00:00.000Z',
  updatedAt: '2019-06-15T08:00:00.000Z',
  deletedAt: null,
  tags: [{ id: 3, name: 'Groen' }],
  user: {},
  createdAtText: '5 maart 2019 11:00',
  can: {},
};

/** A legacy idea without `position`, votes hidden, status BUSY: the Point must still be read lat first. */
const legacyNoPosition = {
  ...legacy3,
  id: 18,
  status: 'BUSY',
  position: undefined,
  yes: undefined,
  no: undefined,
  progress: undefined,
  tags: undefined,
  extraData: { images: [] },
  location: { type: 'Point', coordinates: [52.37, 4.89] },
};

const body = (html: string, text: string) => ({ html, text });

describe('OpenStad normalisers', () => {
  it.each([
    [
      'headless §2.5, counts public',
      headless25,
      {
        title: 'Bloemen in de berm',
        summary: 'Meer bloemen voor bijen langs de Reinkenstraat.',
        status: 'SHORTLISTED',
        platformStatus: { code: '31', label: 'Door naar stemronde' },
        supportCount: 87,
        opposeCount: 0,
        commentCount: 3,
        tags: [{ name: 'Groen en duurzaamheid', kind: 'THEME' }],
        area: null,
        location: { point: { latitude: 52.0853, longitude: 4.2931 }, address: null },
        images: [{ url: 'https://img.example.nl/image/abc123.jpg', alt: null }],
        createdAt: '2025-03-01T09:12:00.000Z',
        publishedAt: '2025-03-02T08:00:00.000Z',
        updatedAt: '2025-06-09T18:44:10.000Z',
        url: 'https://duinoord.example.nl/?openstadResourceId=42',
      },
    ],
    [
      'headless, counts hidden and entities in the title',
      headlessHidden,
      {
        title: 'Bankjes & prullenbakken',
        summary: null,
        status: 'OPEN',
        platformStatus: null,
        supportCount: null,
        opposeCount: null,
        tags: [
          { name: 'Duinoord', kind: 'AREA' },
          { name: 'Noord', kind: 'THEME' },
        ],
        area: 'Duinoord',
        location: null,
        images: [{ url: 'https://img.example.nl/b.jpg', alt: 'Een bankje' }],
        url: 'https://duinoord.example.nl/?openstadResourceId=43',
      },
    ],
  ])('normalises a %s resource into a proposal', (_name, input, expected) => {
    const r = headlessResourceSchema.parse(input);
    const p = normaliseProposal(r, env, { url: 'https://duinoord.example.nl', seqnrById: new Map() });
    expect(proposalSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({
      ...expected,
      id: `gm0518-openstad:proposal:${r.id}`,
      municipalityCode: 'GM0518',
      locale: 'nl',
      removedAt: null,
      provenance: provenance(String(r.id)),
    });
    // Both rows share §2.5's description: HTML kept (allow-listed), plain text derived from it.
    expect(p.body).toEqual(
      body(
        '<p>We willen de bermen inzaaien met <strong>meerjarige</strong> bloemen…</p>',
        'We willen de bermen inzaaien met meerjarige bloemen…',
      ),
    );
    expect(p.translations).toEqual([
      { locale: 'nl', title: p.title, summary: p.summary, body: p.body, machineTranslated: false },
    ]);
  });

  it.each([
    [
      'legacy §3',
      legacy3,
      {
        status: 'ACCEPTED',
        platformStatus: { code: 'ACCEPTED', label: null },
        supportCount: 87,
        opposeCount: 0,
        commentCount: null,
        tags: [
          { name: 'Groen', kind: 'THEME' },
          { name: 'Groen en duurzaamheid', kind: 'THEME' },
          { name: 'Duinoord', kind: 'AREA' },
        ],
        area: 'Duinoord',
        location: { point: { latitude: 52.0853, longitude: 4.2931 }, address: null },
        images: [{ url: 'https://img.example.nl/image/x.jpg', alt: null }],
        url: null,
      },
    ],
    [
      'legacy, no position and votes hidden',
      legacyNoPosition,
      {
        status: 'IN_PROGRESS',
        supportCount: null,
        opposeCount: null,
        tags: [],
        area: null,
        images: [],
        location: { point: { latitude: 52.37, longitude: 4.89 }, address: null },
      },
    ],
  ])('normalises a %s idea into a proposal', (_name, input, expected) => {
    const idea = legacyIdeaSchema.parse(input);
    const p = normaliseLegacyIdea(idea, env);
    expect(proposalSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({
      ...expected,
      id: `gm0518-openstad:proposal:${idea.id}`,
      title: 'Honey Highway',
      summary: 'Bloemen voor bijen.',
      provenance: provenance(String(idea.id)),
    });
  });

  it.each([
    [
      'a budget project with votes public',
      headless25,
      3,
      {
        cost: { amountMinor: 450000, currency: 'EUR' },
        voteCount: 87,
        selected: null,
        proposalId: 'gm0518-openstad:proposal:17',
        position: 3,
      },
    ],
    [
      'a budget project with votes hidden and no cost',
      { ...headlessHidden, budget: null },
      0,
      { cost: null, voteCount: null, selected: null, proposalId: null, position: 0 },
    ],
    [
      'a chosen budget project',
      { ...headless25, statuses: [{ id: 32, name: 'Deze inzending wordt uitgevoerd', label: null }] },
      1,
      { selected: true, platformStatus: { code: '32', label: 'Deze inzending wordt uitgevoerd' } },
    ],
  ])('normalises %s', (_name, input, position, expected) => {
    const r = headlessResourceSchema.parse(input);
    const p = normaliseProject(r, env, {
      url: null,
      seqnrById: new Map(),
      budgetId: 'gm0518-openstad:budget:7',
      position,
    });
    expect(budgetProjectSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({
      ...expected,
      id: `gm0518-openstad:project:${r.id}`,
      budgetId: 'gm0518-openstad:budget:7',
      url: null,
    });
  });

  it('normalises the project of docs/upstreams/openstad.md §2.7 into a budget', () => {
    const project = headlessProjectSchema.parse({
      id: 7,
      name: 'duinoord-begroot',
      title: 'Duinoord Begroot',
      url: 'duinoordbegroot.example.nl',
      safeConfig: {
        project: { endDate: '2025-06-10T22:00:00.000Z', endDateNotificationSent: false, projectHasEnded: false },
        resources: { canAddNewResources: false },
        votes: {
          isViewable: true,
          isActive: true,
          requiredUserRole: 'member',
          voteType: 'budgeting',
          voteValues: { '0': { label: 'voor', value: 'yes' } },
          maxResources: 100,
          minResources: 1,
          minBudget: 1,
          maxBudget: 30000,
        },
      },
      areaId: null,
      createdAt: '2025-01-15T10:00:00.000Z',
      updatedAt: '2025-06-01T08:00:00.000Z',
      deletedAt: null,
    });
    const b = normaliseBudget(project, env, { voterCount: 412, themes: [] });
    expect(budgetSchema.parse(b)).toEqual(b);
    expect(b).toEqual({
      id: 'gm0518-openstad:budget:7',
      municipalityCode: 'GM0518',
      title: 'Duinoord Begroot',
      description: { html: '', text: '' },
      locale: 'nl',
      total: { amountMinor: 3000000, currency: 'EUR' },
      phase: 'VOTING',
      platformPhase: 'isActive=true;isViewable=true;projectHasEnded=false',
      votingPeriod: { start: null, end: '2025-06-10T22:00:00.000Z' },
      votingRule: {
        kind: 'APPROVAL_WITHIN_BUDGET',
        minTotal: { amountMinor: 100, currency: 'EUR' },
        maxTotal: { amountMinor: 3000000, currency: 'EUR' },
        minProjects: null,
        maxProjects: null,
        themes: [],
      },
      voterCount: 412,
      outcomeRule: null,
      ballots: null,
      url: 'https://duinoordbegroot.example.nl',
      createdAt: '2025-01-15T10:00:00.000Z',
      provenance: provenance('7'),
      removedAt: null,
    });
  });

  const past = '2026-01-01T00:00:00.000Z';
  const future = '2027-01-01T00:00:00.000Z';
  it.each([
    ['the project has ended', { isActive: false, isViewable: false }, { projectHasEnded: true }, 'FINISHED'],
    ['voting is active', { isActive: true, isViewable: false }, { endDate: past }, 'VOTING'],
    ['voting closed, end past, counts public', { isActive: false, isViewable: true }, { endDate: past }, 'FINISHED'],
    ['voting closed, end past, counts hidden', { isActive: false, isViewable: false }, { endDate: past }, 'COUNTING'],
    ['voting closed before the end', { isActive: false, isViewable: true }, { endDate: future }, 'UNKNOWN'],
    ['voting closed, no end date', { isActive: false }, {}, 'UNKNOWN'],
  ])('maps the phase when %s', (_name, votes, projectCfg, phase) => {
    const project = headlessProjectSchema.parse({
      id: 1,
      safeConfig: { votes: { voteType: 'budgeting', ...votes }, project: projectCfg },
    });
    expect(mapBudgetPhase(project, env.harvestedAt).phase).toBe(phase);
  });

  it('maps the phase to UNKNOWN without safeConfig', () => {
    expect(mapBudgetPhase(headlessProjectSchema.parse({ id: 1, safeConfig: {} }), env.harvestedAt)).toEqual({
      phase: 'UNKNOWN',
      platformPhase: null,
    });
  });

  const eur = (n: number) => ({ amountMinor: n * 100, currency: 'EUR' });
  it.each([
    [
      'budgeting',
      { voteType: 'budgeting', minBudget: 1, maxBudget: 30000, minResources: 1, maxResources: 100 },
      {
        kind: 'APPROVAL_WITHIN_BUDGET',
        minTotal: eur(1),
        maxTotal: eur(30000),
        minProjects: null,
        maxProjects: null,
        themes: [],
      },
    ],
    [
      'budgeting without limits',
      { voteType: 'budgeting' },
      {
        kind: 'APPROVAL_WITHIN_BUDGET',
        minTotal: null,
        maxTotal: null,
        minProjects: null,
        maxProjects: null,
        themes: [],
      },
    ],
    [
      'count',
      { voteType: 'count', minResources: 1, maxResources: 3 },
      { kind: 'CHOOSE_K', minTotal: null, maxTotal: null, minProjects: 1, maxProjects: 3, themes: [] },
    ],
    [
      'budgetingPerTag',
      { voteType: 'budgetingPerTag', maxBudget: 10000 },
      {
        kind: 'PER_THEME_BUDGET',
        minTotal: null,
        maxTotal: eur(10000),
        minProjects: null,
        maxProjects: null,
        themes: ['Groen', 'Verkeer'],
      },
    ],
    [
      'countPerTheme (legacy alias)',
      { voteType: 'countPerTheme', minResources: 1, maxResources: 2 },
      {
        kind: 'PER_THEME_CHOOSE_K',
        minTotal: null,
        maxTotal: null,
        minProjects: 1,
        maxProjects: 2,
        themes: ['Groen', 'Verkeer'],
      },
    ],
    [
      'likes',
      { voteType: 'likes' },
      { kind: 'UNKNOWN', minTotal: null, maxTotal: null, minProjects: null, maxProjects: null, themes: [] },
    ],
  ])('maps the voting rule of %s', (_name, votes, rule) => {
    expect(mapVotingRule(votes, 'EUR', ['Groen', 'Verkeer'])).toEqual(rule);
  });

  it.each([
    [
      'the lowest seqnr among several statuses',
      [
        { id: 5, name: 'Deze inzending wordt uitgevoerd' },
        { id: 9, name: 'Deze inzending is door naar de stemronde' },
      ],
      {},
      'SHORTLISTED',
      '9',
    ],
    [
      'a configured name, case-insensitively',
      [{ id: 7, name: 'Afgewezen', label: 'Helaas' }],
      { afgewezen: 'REJECTED' },
      'REJECTED',
      '7',
    ],
    ['a configured label', [{ id: 7, name: 'Afgewezen', label: 'Helaas' }], { HELAAS: 'REJECTED' }, 'REJECTED', '7'],
    [
      'a configured code over the default',
      [{ id: 5, name: 'Deze inzending wordt uitgevoerd' }],
      { '5': 'COMPLETED' },
      'COMPLETED',
      '5',
    ],
    ['an unknown name', [{ id: 8, name: 'Gesloten' }], {}, 'UNKNOWN', '8'],
  ] as const)('maps headless statuses: %s', (_name, statuses, statusMap, status, code) => {
    const seqnr = new Map([
      [5, 20],
      [9, 10],
      [7, 40],
      [8, 50],
    ]);
    const mapped = mapHeadlessStatus([...statuses], seqnr, { ...statusMap });
    expect(mapped.status).toBe(status);
    expect(mapped.platformStatus?.code).toBe(code);
  });

  it.each([
    ['OPEN', 'OPEN'],
    ['CLOSED', 'CLOSED'],
    ['ACCEPTED', 'ACCEPTED'],
    ['DENIED', 'REJECTED'],
    ['BUSY', 'IN_PROGRESS'],
    ['DONE', 'COMPLETED'],
    ['WEIRD', 'UNKNOWN'],
  ] as const)('maps the legacy status %s to %s', (code, status) => {
    expect(mapLegacyStatus(code, {}).status).toBe(status);
  });

  it('lets statusMap override a legacy status and derives selection from statuses', () => {
    expect(mapLegacyStatus('DENIED', { denied: 'CLOSED' }).status).toBe('CLOSED');
    expect([
      selectedFromStatus('ACCEPTED'),
      selectedFromStatus('COMPLETED'),
      selectedFromStatus('REJECTED'),
      selectedFromStatus('SHORTLISTED'),
    ]).toEqual([true, true, false, null]);
  });
});
