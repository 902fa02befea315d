import { budgetProjectSchema, budgetSchema } from '../../../../core/model';
import { dayInstant } from '../../../../core/days';
import { budgetPhase } from '../budgetPhase';
import { normaliseBudget, type BudgetContext } from '../normaliseBudget';
import { EMPTY_TAXONOMY_INDEX } from '../taxonomyIndex';
import { budgetNode, projectNode } from '../upstreamSchemas';

const tr = (text: string) => ({ translations: [{ locale: 'nl', text, machineTranslated: false }] });

const context: BudgetContext = {
  source: { id: 'gm0344-decidim', municipality: 'GM0344', baseUrl: 'https://doemee.utrecht.example/', currency: 'EUR' },
  harvestedAt: '2025-06-01T02:00:00.000Z',
  settings: { locale: 'nl', timeZone: 'Europe/Amsterdam', phaseSteps: {}, votingRule: undefined, phase: undefined },
  taxonomies: EMPTY_TAXONOMY_INDEX,
  space: {
    kind: 'process',
    slug: 'buurtbudget-overvecht-2025',
    steps: [{ startDate: '2025-04-15', endDate: '2025-05-15' }],
  },
  componentId: '522',
  harvestedProposalIds: new Set(['608']),
};

/** Budget nodes as the 0.27 and 0.31 queries get them (docs/upstreams/decidim.md §5.3). */
const budget027 = {
  id: '501',
  title: tr('Buurtbudget Overvecht-Noord'),
  description: tr('<p>€ 200.000</p>'),
  total_budget: 200000,
  createdAt: '2025-01-10T10:00:00+01:00',
  projects: [
    {
      id: '702',
      reference: 'GM0344-PROJ-2025-03-702',
      selected: false,
      budget_amount: 15000,
      title: tr('Jeu-de-boulesbaan'),
      description: tr('<p>Baan</p>'),
      category: { id: '310', name: tr('Spelen') },
      scope: null,
    },
    {
      id: '701',
      reference: 'GM0344-PROJ-2025-03-701',
      selected: true,
      budget_amount: 95000,
      title: tr('Buurthuis De Boog'),
      description: tr('<p>Keuken</p>'),
      category: null,
      scope: { id: '501', name: tr('Overvecht') },
    },
  ],
};
const budget031 = {
  ...budget027,
  total_budget: undefined,
  totalBudget: 200000,
  url: 'https://doemee.utrecht.example/processes/p/f/522/budgets/501/projects',
  projects: [
    {
      id: '703',
      reference: null,
      selected: false,
      budget_amount: null,
      title: tr('Fietsenstalling'),
      description: null,
      taxonomies: [],
      url: 'https://doemee.utrecht.example/p/703',
      confirmedVotes: 288,
      relatedProposals: [{ id: '999' }, { id: '608' }],
      address: 'Stationsplein Overvecht',
      coordinates: { latitude: 52.1113, longitude: 5.112 },
    },
  ],
};

describe('normaliseBudget', () => {
  it.each([
    [
      '0.27 budget with a selected project',
      budget027,
      {
        phase: 'FINISHED',
        url: 'https://doemee.utrecht.example/processes/buurtbudget-overvecht-2025/f/522/budgets/501/projects',
        projects: [
          {
            id: 'gm0344-decidim:project:702',
            position: 1,
            cost: { amountMinor: 1_500_000, currency: 'EUR' },
            selected: false,
            voteCount: null,
            proposalId: null,
            tags: [{ name: 'Spelen', kind: 'THEME' }],
            location: null,
            url: 'https://doemee.utrecht.example/processes/buurtbudget-overvecht-2025/f/522/budgets/501/projects/702',
            upstreamReference: 'GM0344-PROJ-2025-03-702',
          },
          {
            id: 'gm0344-decidim:project:701',
            position: 0,
            cost: { amountMinor: 9_500_000, currency: 'EUR' },
            selected: true,
            voteCount: null,
            proposalId: null,
            tags: [{ name: 'Overvecht', kind: 'AREA' }],
            location: null,
            url: 'https://doemee.utrecht.example/processes/buurtbudget-overvecht-2025/f/522/budgets/501/projects/701',
            upstreamReference: 'GM0344-PROJ-2025-03-701',
          },
        ],
      },
    ],
    [
      '0.31 budget with votes, a related proposal and a location',
      budget031,
      {
        phase: 'UNKNOWN',
        url: 'https://doemee.utrecht.example/processes/p/f/522/budgets/501/projects',
        projects: [
          {
            id: 'gm0344-decidim:project:703',
            position: 0,
            cost: null,
            selected: false,
            voteCount: 288,
            proposalId: 'gm0344-decidim:proposal:608',
            tags: [],
            location: { point: { latitude: 52.1113, longitude: 5.112 }, address: 'Stationsplein Overvecht' },
            url: 'https://doemee.utrecht.example/p/703',
            upstreamReference: null,
          },
        ],
      },
    ],
  ] as const)('normalises a %s', (_name, input, expected) => {
    const node = budgetNode.parse(input);
    const { budget, projects } = normaliseBudget(
      node,
      node.projects.map((p) => projectNode.parse(p)),
      context,
    );
    expect(budgetSchema.safeParse(budget).success).toBe(true);
    expect(budget).toMatchObject({
      id: 'gm0344-decidim:budget:501',
      title: 'Buurtbudget Overvecht-Noord',
      total: { amountMinor: 20_000_000, currency: 'EUR' },
      phase: expected.phase,
      platformPhase: null,
      votingPeriod: null,
      voterCount: null,
      url: expected.url,
      createdAt: '2025-01-10T09:00:00.000Z',
      votingRule: { kind: 'UNKNOWN', minTotal: null, maxTotal: null, minProjects: null, maxProjects: null, themes: [] },
      provenance: { upstreamId: '501', upstreamReference: null, platform: 'DECIDIM' },
    });
    expect(
      projects.map((p) => ({
        id: p.id,
        position: p.position,
        cost: p.cost,
        selected: p.selected,
        voteCount: p.voteCount,
        proposalId: p.proposalId,
        tags: p.tags,
        location: p.location,
        url: p.url,
        upstreamReference: p.provenance.upstreamReference,
      })),
    ).toEqual(expected.projects);
    for (const p of projects) expect(budgetProjectSchema.safeParse(p).success).toBe(true);
  });

  it('keeps every language of the budget and its projects, the primary first; none where only the primary has text', () => {
    const both = (nl: string, en: string, machine = false) => ({
      translations: [
        { locale: 'nl', text: nl, machineTranslated: false },
        { locale: 'en', text: en, machineTranslated: machine },
        { locale: 'fy', text: '', machineTranslated: false },
      ],
    });
    const node = budgetNode.parse({
      ...budget027,
      title: both('Buurtbudget Overvecht-Noord', 'Neighbourhood budget Overvecht-North'),
      description: both('<p>Verdeel</p>', '<p>Divide</p>'),
    });
    const [translated, plain] = budget027.projects.map((p) => projectNode.parse(p));
    const { budget, projects } = normaliseBudget(
      node,
      [{ ...translated!, title: both('Jeu-de-boulesbaan', 'Boules court', true) }, plain!],
      context,
    );
    expect(budget.locale).toBe('nl');
    expect(budget.translations).toEqual([
      {
        locale: 'nl',
        title: 'Buurtbudget Overvecht-Noord',
        description: { html: '<p>Verdeel</p>', text: 'Verdeel' },
        machineTranslated: false,
      },
      {
        locale: 'en',
        title: 'Neighbourhood budget Overvecht-North',
        description: { html: '<p>Divide</p>', text: 'Divide' },
        machineTranslated: false,
      },
    ]);
    expect(projects[0]!.translations?.map((t) => [t.locale, t.title, t.machineTranslated])).toEqual([
      ['nl', 'Jeu-de-boulesbaan', false],
      ['en', 'Boules court', true],
    ]);
    expect(projects[1]!.translations).toBeUndefined();
    expect(budgetSchema.safeParse(budget).success).toBe(true);
  });

  it('uses the configured voting rule, with the total as the default maximum for approval voting', () => {
    const node = budgetNode.parse(budget027);
    const { budget } = normaliseBudget(node, [], {
      ...context,
      settings: {
        ...context.settings,
        votingRule: {
          kind: 'APPROVAL_WITHIN_BUDGET',
          minTotal: null,
          maxTotal: null,
          minProjects: null,
          maxProjects: 3,
        },
      },
    });
    expect(budget.votingRule).toEqual({
      kind: 'APPROVAL_WITHIN_BUDGET',
      minTotal: null,
      maxTotal: { amountMinor: 20_000_000, currency: 'EUR' },
      minProjects: null,
      maxProjects: 3,
      themes: [],
    });
  });
});

describe('budgetPhase', () => {
  const steps = [
    { startDate: '2025-02-01', endDate: '2025-03-31' },
    { startDate: '2025-04-15T00:00:00+02:00', endDate: '2025-05-15T23:59:59+02:00' },
  ];
  it.each([
    [
      'a configured step that contains the harvest time',
      { 1: 'VOTING' as const },
      '2025-05-01T10:00:00.000Z',
      false,
      'VOTING',
      'step:1',
    ],
    [
      'selected projects when no step applies',
      { 1: 'VOTING' as const },
      '2025-07-01T10:00:00.000Z',
      true,
      'FINISHED',
      null,
    ],
    ['nothing known', {}, '2025-05-01T10:00:00.000Z', false, 'UNKNOWN', null],
  ])('derives the phase from %s', (_name, phaseSteps, harvestedAt, anySelected, phase, platformPhase) => {
    const r = budgetPhase({ steps, anySelected, harvestedAt, phaseSteps, timeZone: 'Europe/Amsterdam' });
    expect([r.phase, r.platformPhase]).toEqual([phase, platformPhase]);
  });

  it('reads 0.27 step dates as whole days in the source time zone', () => {
    expect([
      dayInstant('2025-02-01', 'start', 'Europe/Amsterdam'),
      dayInstant('2025-07-31', 'end', 'Europe/Amsterdam'),
    ]).toEqual(['2025-01-31T23:00:00.000Z', '2025-07-31T21:59:59.999Z']);
  });
});
