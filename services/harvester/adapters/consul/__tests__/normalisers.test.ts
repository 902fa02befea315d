import { budgetProjectSchema, budgetSchema, proposalSchema, type Proposal } from '../../../../core/model';
import { sourceSchema as consulSourceSchema } from '../sourceSchema';
import { consulBudgetPhase } from '../budgetPhase';
import { normaliseBudget } from '../normaliseBudget';
import { budgetUnits } from '../budgetUnits';
import { normaliseProject, type InvestmentPlacement } from '../normaliseProject';
import { normaliseProposal } from '../normaliseProposal';
import { parsePublicCreatedAt } from '../parsePublicCreatedAt';
import { consulProposalStatus } from '../proposalStatus';
import { investmentNodeSchema, proposalNodeSchema, type ConsulProposalTranslation } from '../upstreamSchemas';

const source = consulSourceSchema.parse({
  id: 'gm0106-consul',
  platform: 'consul',
  municipality: 'GM0106',
  baseUrl: 'https://doemee.assen.example/',
  locales: ['nl', 'en'],
  votesForProposalSuccess: 300,
  monthsToArchiveProposals: 12,
});
const harvestedAt = '2026-11-26T02:00:00.000Z';
const ctx = { source, harvestedAt };

// Real-shaped `proposals.nodes` entries (docs/upstreams/consul.md §7.1), as 2.4.1 and 2.2.0 send them (same shape: the
// camelCase API of 1.5.0+), and one with the integer id of the docs' outdated examples (docs/upstreams/consul.md §3.3).
const open241 = {
  id: '112',
  title: 'Meer bankjes in het Asserbos',
  summary: 'Langs de paden staan te weinig bankjes.',
  description: '<p>Zes <strong>bankjes</strong>.</p><script>alert(1)</script>',
  publicCreatedAt: '2026-03-14 11:00:00 +0100',
  cachedVotesUp: 87,
  commentsCount: 6,
  retiredAt: null,
  retiredReason: null,
  geozone: { name: 'Centrum' },
  tags: {
    edges: [
      { node: { name: 'Groen', kind: 'category' } },
      { node: { name: 'ouderen', kind: null } },
      { node: { name: 'Groen', kind: 'category' } },
    ],
  },
};
const retired220 = {
  ...open241,
  id: '131',
  publicCreatedAt: '2025-06-10 16:00:00 +0200',
  cachedVotesUp: 900,
  retiredAt: '2025-07-02T11:31:12+02:00',
  retiredReason: 'duplicated',
  geozone: null,
  tags: { edges: [] },
};
const shortlistedIntId = { ...open241, id: 118, cachedVotesUp: 341, publicCreatedAt: '2024-02-03 20:00:00 +0100' };
const archived = {
  ...open241,
  id: '125',
  cachedVotesUp: 156,
  publicCreatedAt: '2024-05-21 10:00:00 +0200',
  summary: null,
};

const base = (
  id: string,
): Omit<
  Proposal,
  | 'title'
  | 'summary'
  | 'body'
  | 'translations'
  | 'status'
  | 'platformStatus'
  | 'supportCount'
  | 'createdAt'
  | 'tags'
  | 'area'
> => ({
  id: `gm0106-consul:proposal:${id}`,
  municipalityCode: 'GM0106',
  locale: 'nl',
  opposeCount: null,
  commentCount: 6,
  publishedAt: null,
  updatedAt: null,
  location: null,
  images: [],
  url: `https://doemee.assen.example/proposals/${id}`,
  provenance: { sourceId: 'gm0106-consul', platform: 'CONSUL', upstreamId: id, upstreamReference: null, harvestedAt },
  removedAt: null,
});
const body = { html: '<p>Zes <strong>bankjes</strong>.</p>', text: 'Zes bankjes.' };
const nlTranslation = (summary: string | null) => ({
  locale: 'nl',
  title: 'Meer bankjes in het Asserbos',
  summary,
  body,
  machineTranslated: false,
});

describe('normaliseProposal', () => {
  it.each([
    [
      'CONSUL 2.4.1, open',
      open241,
      new Map<string, ConsulProposalTranslation>(),
      {
        ...base('112'),
        title: 'Meer bankjes in het Asserbos',
        summary: 'Langs de paden staan te weinig bankjes.',
        body,
        translations: [nlTranslation('Langs de paden staan te weinig bankjes.')],
        status: 'OPEN',
        platformStatus: null,
        supportCount: 87,
        createdAt: '2026-03-14T10:00:00.000Z',
        tags: [
          { name: 'Groen', kind: 'THEME' },
          { name: 'ouderen', kind: 'FREE' },
        ],
        area: 'Centrum',
      },
    ],
    [
      'CONSUL 2.2.0, retired with many supports',
      retired220,
      new Map(),
      {
        ...base('131'),
        title: 'Meer bankjes in het Asserbos',
        summary: 'Langs de paden staan te weinig bankjes.',
        body,
        translations: [nlTranslation('Langs de paden staan te weinig bankjes.')],
        status: 'WITHDRAWN',
        platformStatus: { code: 'retired:duplicated', label: null },
        supportCount: 900,
        createdAt: '2025-06-10T14:00:00.000Z',
        tags: [],
        area: null,
      },
    ],
    [
      'CONSUL ≤1.4-style integer id, successful and old',
      shortlistedIntId,
      new Map(),
      {
        ...base('118'),
        title: 'Meer bankjes in het Asserbos',
        summary: 'Langs de paden staan te weinig bankjes.',
        body,
        translations: [nlTranslation('Langs de paden staan te weinig bankjes.')],
        status: 'SHORTLISTED',
        platformStatus: null,
        supportCount: 341,
        createdAt: '2024-02-03T19:00:00.000Z',
        tags: [
          { name: 'Groen', kind: 'THEME' },
          { name: 'ouderen', kind: 'FREE' },
        ],
        area: 'Centrum',
      },
    ],
    [
      'CONSUL 2.4.1, archived, with an English translation and a fallback',
      archived,
      new Map([
        ['en', { id: '125', title: 'More benches in the Asserbos', summary: null, description: '<p>Six benches.</p>' }],
      ]),
      {
        ...base('125'),
        title: 'Meer bankjes in het Asserbos',
        summary: null,
        body,
        translations: [
          nlTranslation(null),
          {
            locale: 'en',
            title: 'More benches in the Asserbos',
            summary: null,
            body: { html: '<p>Six benches.</p>', text: 'Six benches.' },
            machineTranslated: false,
          },
        ],
        status: 'CLOSED',
        platformStatus: null,
        supportCount: 156,
        createdAt: '2024-05-21T08:00:00.000Z',
        tags: [
          { name: 'Groen', kind: 'THEME' },
          { name: 'ouderen', kind: 'FREE' },
        ],
        area: 'Centrum',
      },
    ],
  ])('normalises a %s proposal', (_name, input, others, expected) => {
    const result = normaliseProposal(proposalNodeSchema.parse(input), others, ctx);
    expect(result).toEqual(expected);
    expect(proposalSchema.parse(result)).toEqual(result);
  });

  it('leaves out a translation that is only the silent fallback to the primary locale', () => {
    const fallback = { id: '112', title: open241.title, summary: open241.summary, description: open241.description };
    const result = normaliseProposal(proposalNodeSchema.parse(open241), new Map([['en', fallback]]), ctx);
    expect(result.translations.map((t) => t.locale)).toEqual(['nl']);
  });

  it("refuses a publicCreatedAt that is not CONSUL's format", () => {
    expect(() =>
      normaliseProposal(
        proposalNodeSchema.parse({ ...open241, publicCreatedAt: '2026-03-14T10:00:00Z' }),
        new Map(),
        ctx,
      ),
    ).toThrow(/publicCreatedAt/);
  });
});

describe('consulProposalStatus', () => {
  const settings = { votesForProposalSuccess: 300, monthsToArchiveProposals: 12, statusMap: {} };
  const p = { retiredAt: null, retiredReason: null, cachedVotesUp: 10, createdAt: '2026-06-01T10:00:00.000Z' };
  it.each([
    [
      'retired wins over everything',
      {
        ...p,
        retiredAt: '2025-01-01T00:00:00+01:00',
        retiredReason: 'done',
        cachedVotesUp: 5000,
        createdAt: '2020-01-01T00:00:00.000Z',
      },
      settings,
      'WITHDRAWN',
      'retired:done',
    ],
    ['supports at the threshold', { ...p, cachedVotesUp: 300 }, settings, 'SHORTLISTED', null],
    ['supports one under the threshold', { ...p, cachedVotesUp: 299 }, settings, 'OPEN', null],
    [
      'successful beats archived',
      { ...p, cachedVotesUp: 301, createdAt: '2020-01-01T00:00:00.000Z' },
      settings,
      'SHORTLISTED',
      null,
    ],
    ['just older than 12 months', { ...p, createdAt: '2025-11-26T01:00:00.000Z' }, settings, 'CLOSED', null],
    ['just younger than 12 months', { ...p, createdAt: '2025-11-26T03:00:00.000Z' }, settings, 'OPEN', null],
    [
      'archived after 3 months when so configured',
      { ...p, createdAt: '2026-08-01T00:00:00.000Z' },
      { ...settings, monthsToArchiveProposals: 3 },
      'CLOSED',
      null,
    ],
    [
      'statusMap overrides the retired code, case-insensitively',
      { ...p, retiredAt: '2025-01-01T00:00:00+01:00', retiredReason: 'done' },
      { ...settings, statusMap: { 'Retired:DONE': 'COMPLETED' as const } },
      'COMPLETED',
      'retired:done',
    ],
  ])('derives the status when %s', (_name, input, s, status, code) => {
    const result = consulProposalStatus(input, s, harvestedAt);
    expect(result.status).toBe(status);
    expect(result.platformStatus?.code ?? null).toBe(code);
  });
});

describe('parsePublicCreatedAt', () => {
  it.each([
    ['2025-03-04 18:00:00 +0100', '2025-03-04T17:00:00.000Z'],
    ['2025-07-04 19:00:00 +0200', '2025-07-04T17:00:00.000Z'],
    ['2017-12-31 09:00:00 +0100', '2017-12-31T08:00:00.000Z'],
    ['2025-03-04 00:00:00 -0500', '2025-03-04T05:00:00.000Z'],
    ['2025-02-30 10:00:00 +0100', null],
    ['2025-03-04T17:00:00Z', null],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(parsePublicCreatedAt(input)).toBe(expected);
  });
});

describe('consulBudgetPhase', () => {
  it.each([
    ['informing', 'INFORMING'],
    ['accepting', 'COLLECTING'],
    ['reviewing', 'REVIEWING'],
    ['selecting', 'REVIEWING'],
    ['valuating', 'REVIEWING'],
    ['publishing_prices', 'REVIEWING'],
    ['balloting', 'VOTING'],
    ['reviewing_ballots', 'COUNTING'],
    ['finished', 'FINISHED'],
    ['drafting', 'UNKNOWN'],
    ['toString', 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ])('maps the phase %s to %s', (phase, expected) => {
    expect(consulBudgetPhase(phase)).toBe(expected);
  });
});

describe('normaliseBudget', () => {
  const node = { id: '3', name: 'Assen Begroot 2025', phase: 'finished' };
  const heading = (name: string, id: string | null, amount: number | null) => ({
    group: null,
    name,
    id,
    amount,
    currencySymbol: amount === null ? null : '€',
  });
  const phase = (current: boolean, firstDay: string, lastDay: string) => ({ name: 'x', current, firstDay, lastDay });
  const nine = Array.from({ length: 9 }, (_, i) =>
    phase(i === 8, `2025-0${i + 1}-01`, i === 6 ? '2025-07-31' : `2025-0${i + 1}-28`),
  );

  it('keeps the raw phase and publishes no voting rule, total or dates without the budget page', () => {
    const [unit] = budgetUnits(node, null, null);
    const budget = normaliseBudget(unit!, ctx);
    expect(budgetSchema.parse(budget)).toEqual(budget);
    expect(budget).toMatchObject({
      id: 'gm0106-consul:budget:3',
      title: 'Assen Begroot 2025',
      phase: 'FINISHED',
      platformPhase: 'finished',
      total: null,
      votingPeriod: null,
      voterCount: null,
      url: 'https://doemee.assen.example/budgets/3',
      votingRule: { kind: 'UNKNOWN', minTotal: null, maxTotal: null, minProjects: null, maxProjects: null, themes: [] },
    });
  });

  it('takes the single heading amount as total, the seventh of nine phases as voting days, and the configured knapsack', () => {
    const [unit] = budgetUnits(node, { headings: [heading('Heel Assen', null, 100_000)], phases: nine }, null);
    const budget = normaliseBudget(unit!, {
      ...ctx,
      source: { ...ctx.source, budgets: { 3: { votingStyle: 'knapsack' } } },
    });
    expect(budget).toMatchObject({
      id: 'gm0106-consul:budget:3',
      total: { amountMinor: 10_000_000, currency: 'EUR' },
      votingPeriod: { start: '2025-06-30T22:00:00.000Z', end: '2025-07-31T21:59:59.999Z' },
      votingRule: { kind: 'APPROVAL_WITHIN_BUDGET', maxTotal: { amountMinor: 10_000_000, currency: 'EUR' } },
      outcomeRule: { rule: 'greedy', statedBy: 'PLATFORM' },
    });
  });

  it('makes one budget per heading, and an approval budget CHOOSE_K with max_ballot_lines', () => {
    const units = budgetUnits(
      { ...node, id: '4', phase: 'accepting' },
      { headings: [heading('Noord', '21', 75_000), heading('Zuid', '22', 50_000)], phases: nine.slice(1) },
      null,
    );
    const source = { ...ctx.source, budgets: { 4: { votingStyle: 'approval' as const, maxBallotLines: 3 } } };
    const budgets = units.map((u) => normaliseBudget(u, { ...ctx, source }));
    expect(
      budgets.map((b) => [b.id, b.title, b.total?.amountMinor, b.votingRule.kind, b.votingRule.maxProjects]),
    ).toEqual([
      ['gm0106-consul:budget:4-21', 'Assen Begroot 2025 – Noord', 7_500_000, 'CHOOSE_K', 3],
      ['gm0106-consul:budget:4-22', 'Assen Begroot 2025 – Zuid', 5_000_000, 'CHOOSE_K', 3],
    ]);
    // Eight phases shown and not balloting now: which panel is balloting cannot be told.
    expect(budgets[0]!.votingPeriod).toBeNull();
    expect(budgets[0]!.url).toBe('https://doemee.assen.example/budgets/4/investments?heading_id=21');
  });

  it('leaves the total null when the page hides money, and keeps a budget whole when heading ids are unknown', () => {
    const hidden = budgetUnits(node, { headings: [heading('Heel Assen', null, null)], phases: [] }, null);
    expect(normaliseBudget(hidden[0]!, ctx).total).toBeNull();
    const whole = budgetUnits(
      node,
      { headings: [heading('Noord', null, 1), heading('Zuid', null, 2)], phases: [] },
      null,
    );
    expect(whole).toHaveLength(1);
    expect(normaliseBudget(whole[0]!, ctx)).toMatchObject({
      id: 'gm0106-consul:budget:3',
      total: null,
      outcomeRule: null,
    });
  });

  it('finds heading ids of a finished budget in the results menu by name', () => {
    const results = new Map([
      ['noord', { name: 'Noord', rows: new Map([['1', { id: '1', winner: true, ballots: 5 }]]) }],
      ['zuid', { name: 'Zuid', rows: new Map() }],
    ]);
    const units = budgetUnits(
      node,
      { headings: [heading('Noord', null, 1), heading('Zuid', null, 2)], phases: [] },
      results,
    );
    expect(units.map((u) => [u.key, u.headingId, u.results?.size ?? null])).toEqual([
      ['3-noord', 'noord', 1],
      ['3-zuid', 'zuid', null],
    ]);
  });
});

describe('normaliseProject', () => {
  const node = {
    id: '274',
    title: 'Pannakooi in Assen-Oost',
    description: '<p>Een kooi.</p>',
    price: '38000',
    feasibility: 'feasible',
    location: 'Speelveld Baggelhuizen',
  };
  const place = (budgetPhase: string, result: InvestmentPlacement['result']): InvestmentPlacement => ({
    budgetUpstreamId: '3',
    unitKey: '3',
    moneyShown: true,
    currency: 'EUR',
    image: null,
    budgetPhase,
    position: 2,
    result,
  });
  it.each([
    [
      'a winner of a finished budget',
      node,
      place('finished', { winner: true, ballots: 402 }),
      { amountMinor: 3_800_000, currency: 'EUR' },
      402,
      true,
    ],
    [
      'a loser on the results page',
      node,
      place('finished', { winner: false, ballots: 301 }),
      { amountMinor: 3_800_000, currency: 'EUR' },
      301,
      false,
    ],
    [
      'an investment absent from the results page',
      node,
      place('finished', 'absent'),
      { amountMinor: 3_800_000, currency: 'EUR' },
      null,
      false,
    ],
    [
      'a balloting investment (prices published, no results)',
      node,
      place('balloting', null),
      { amountMinor: 3_800_000, currency: 'EUR' },
      null,
      null,
    ],
    ['a valuating investment (price not yet shown)', node, place('valuating', null), null, null, null],
    ['an investment without a price', { ...node, price: null }, place('finished', 'absent'), null, null, false],
  ])('normalises %s', (_name, input, placement, cost, voteCount, selected) => {
    const result = normaliseProject(investmentNodeSchema.parse(input), placement, ctx);
    expect(budgetProjectSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      id: 'gm0106-consul:project:274',
      budgetId: 'gm0106-consul:budget:3',
      position: 2,
      cost,
      voteCount,
      selected,
      platformStatus: { code: 'feasible', label: null },
      location: { point: null, address: 'Speelveld Baggelhuizen' },
      url: 'https://doemee.assen.example/budgets/3/investments/274',
      tags: [],
      proposalId: null,
    });
  });

  it('rejects a price that is not a whole number at validation', () => {
    expect(investmentNodeSchema.safeParse({ ...node, price: '38000.50' }).success).toBe(false);
  });
});
