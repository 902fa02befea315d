import { proposalSchema, type Proposal } from '../../../../core/model';
import { normaliseProposal, type ProposalContext } from '../normaliseProposal';
import { taxonomyIndex } from '../taxonomyIndex';
import { proposalNode } from '../upstreamSchemas';

const tr = (...l: [string, string, boolean?][]) => ({
  translations: l.map(([locale, text, machineTranslated]) => ({
    locale,
    text,
    machineTranslated: machineTranslated ?? false,
  })),
});

const context: ProposalContext = {
  source: {
    id: 'gm0599-decidim',
    municipality: 'GM0599',
    baseUrl: 'https://inspraak.rotterdam.example',
    statusMap: {},
  },
  harvestedAt: '2025-06-01T02:00:00.000Z',
  locale: 'nl',
  taxonomies: taxonomyIndex(
    [
      { id: '1', name: tr(['nl', "Thema's"]), children: [{ id: '10', children: [] }] },
      { id: '2', name: tr(['nl', 'Wijken']), children: [{ id: '20', children: [] }] },
    ],
    undefined,
  ),
  space: { kind: 'process', slug: 'rotterdam-groener-2025' },
  componentId: '11',
};

/** Real-shaped nodes as the adapter's queries get them (docs/upstreams/decidim.md §5.2), one per band. */
const common = {
  id: '101',
  reference: 'GM0599-PROP-2025-02-101',
  publishedAt: '2025-02-11T09:20:00+01:00',
  createdAt: '2025-02-11T09:15:00+01:00',
  updatedAt: '2025-03-13T09:15:00+01:00',
  voteCount: 212,
  totalCommentsCount: 14,
  address: 'Groene Hilledijk 300, 3074 AB Rotterdam',
  coordinates: { latitude: 51.8953, longitude: 4.5087 },
  title: tr(['nl', 'Meer bomen langs de Groene Hilledijk'], ['en', 'More trees along the Groene Hilledijk', true]),
  body: tr(
    ['nl', '<p>Plant <strong>lindebomen</strong>.<script>alert(1)</script></p>'],
    ['en', '<p>Plant lime trees.</p>', true],
  ),
};
const decidim027 = {
  ...common,
  state: 'accepted',
  category: { id: '300', name: tr(['nl', 'Groen'], ['en', 'Green']) },
  scope: { id: '2', name: tr(['nl', 'Feijenoord']) },
};
const decidim027Withdrawn = { ...decidim027, state: 'withdrawn' };
const decidim030Withdrawn = {
  ...common,
  state: null,
  withdrawn: true,
  taxonomies: [
    { id: '10', name: tr(['nl', 'Groen']), parent: { id: '1' } },
    { id: '20', name: tr(['nl', 'Feijenoord']), parent: { id: '2' } },
  ],
};
const decidim031Custom = {
  ...common,
  state: 'in_uitvoering',
  withdrawn: false,
  voteCount: null,
  coordinates: null,
  address: null,
  url: 'https://inspraak.rotterdam.example/processes/x/f/11/proposals/101',
  taxonomies: [],
  proposalState: { title: tr(['nl', 'In uitvoering'], ['en', 'In progress', true]) },
};

const base: Proposal = {
  id: 'gm0599-decidim:proposal:101',
  municipalityCode: 'GM0599',
  title: 'Meer bomen langs de Groene Hilledijk',
  summary: null,
  body: { html: '<p>Plant <strong>lindebomen</strong>.</p>', text: 'Plant lindebomen.' },
  locale: 'nl',
  translations: [
    {
      locale: 'nl',
      title: 'Meer bomen langs de Groene Hilledijk',
      summary: null,
      body: { html: '<p>Plant <strong>lindebomen</strong>.</p>', text: 'Plant lindebomen.' },
      machineTranslated: false,
    },
    {
      locale: 'en',
      title: 'More trees along the Groene Hilledijk',
      summary: null,
      body: { html: '<p>Plant lime trees.</p>', text: 'Plant lime trees.' },
      machineTranslated: true,
    },
  ],
  status: 'ACCEPTED',
  platformStatus: { code: 'accepted', label: null },
  supportCount: 212,
  opposeCount: null,
  commentCount: 14,
  createdAt: '2025-02-11T08:15:00.000Z',
  publishedAt: '2025-02-11T08:20:00.000Z',
  updatedAt: '2025-03-13T08:15:00.000Z',
  tags: [
    { name: 'Groen', kind: 'THEME' },
    { name: 'Feijenoord', kind: 'AREA' },
  ],
  area: 'Feijenoord',
  location: { point: { latitude: 51.8953, longitude: 4.5087 }, address: 'Groene Hilledijk 300, 3074 AB Rotterdam' },
  images: [],
  url: 'https://inspraak.rotterdam.example/processes/rotterdam-groener-2025/f/11/proposals/101',
  provenance: {
    sourceId: 'gm0599-decidim',
    platform: 'DECIDIM',
    upstreamId: '101',
    upstreamReference: 'GM0599-PROP-2025-02-101',
    harvestedAt: '2025-06-01T02:00:00.000Z',
  },
  removedAt: null,
};

describe('normaliseProposal', () => {
  it.each([
    ['Decidim 0.27, accepted, category and scope', decidim027, base],
    [
      'Decidim 0.27, withdrawn as a state',
      decidim027Withdrawn,
      { ...base, status: 'WITHDRAWN', platformStatus: { code: 'withdrawn', label: null } },
    ],
    [
      'Decidim 0.30, withdrawn flag, taxonomies',
      decidim030Withdrawn,
      { ...base, status: 'WITHDRAWN', platformStatus: { code: 'withdrawn', label: null } },
    ],
    [
      'Decidim 0.31, custom state, hidden votes, no location',
      decidim031Custom,
      {
        ...base,
        status: 'UNKNOWN',
        platformStatus: { code: 'in_uitvoering', label: 'In uitvoering' },
        supportCount: null,
        tags: [],
        area: null,
        location: null,
        url: 'https://inspraak.rotterdam.example/processes/x/f/11/proposals/101',
      },
    ],
  ] as const)('normalises a %s proposal', (_name, input, expected) => {
    const node = proposalNode.parse(input);
    const out = normaliseProposal(node, context);
    expect(out).toEqual(expected);
    expect(proposalSchema.safeParse(out).success).toBe(true);
  });

  it('maps a custom state through the source statusMap, by token or by label', () => {
    const node = proposalNode.parse(decidim031Custom);
    expect(
      normaliseProposal(node, {
        ...context,
        source: { ...context.source, statusMap: { IN_UITVOERING: 'IN_PROGRESS' } },
      }).status,
    ).toBe('IN_PROGRESS');
    expect(
      normaliseProposal(node, {
        ...context,
        source: { ...context.source, statusMap: { 'in uitvoering': 'COMPLETED' } },
      }).status,
    ).toBe('COMPLETED');
  });

  it('builds assembly URLs under /assemblies when the version has no url field', () => {
    const out = normaliseProposal(proposalNode.parse(decidim027), {
      ...context,
      space: { kind: 'assembly', slug: 'adviesraad-verkeer' },
      componentId: '31',
    });
    expect(out.url).toBe('https://inspraak.rotterdam.example/assemblies/adviesraad-verkeer/f/31/proposals/101');
  });

  it('takes a human translation as primary when the preferred locale is only machine-translated', () => {
    const node = proposalNode.parse({
      ...decidim027,
      title: tr(['nl', 'Meer bomen', true], ['en', 'More trees']),
      body: tr(['nl', '<p>x</p>', true], ['en', '<p>y</p>']),
    });
    const out = normaliseProposal(node, context);
    expect([out.locale, out.title, out.translations.map((t) => [t.locale, t.machineTranslated])]).toEqual([
      'en',
      'More trees',
      [
        ['en', false],
        ['nl', true],
      ],
    ]);
  });
});

describe('proposalNode', () => {
  it('rejects a proposal whose timestamps are not Decidim DateTimes', () => {
    expect(proposalNode.safeParse({ ...decidim027, createdAt: 'gisteren' }).success).toBe(false);
  });
});
