/**
 * Builds the invented seed of one simulated installation: Rotterdam (GM0599) or Utrecht (GM0344), each
 * with two participatory processes (one with a Budgets component), an assembly with a child assembly, an
 * unpublished component, a draft, a moderated proposal, a withdrawn one, a custom state, hidden votes,
 * addresses and English (partly machine) translations. See municipalityContent.ts for the texts.
 */
import { ROTTERDAM, UTRECHT, type MunicipalityContent, type ProposalSpec, type SpaceSpec } from './municipalityContent';
import type {
  DecidimSeed,
  SeedAttachment,
  SeedBudget,
  SeedComponent,
  SeedProposal,
  SeedSpace,
  Translated,
} from './seedTypes';

const AUTHORS = [
  'Fatima el Amrani',
  'Jeroen de Vries',
  'Sanne Bakker',
  'Mehmet Yilmaz',
  'Anouk Jansen',
  'Kees van Dijk',
  'Priya Ramdin',
  'Bram Visser',
];
const DAY = 86_400_000;

const at = (iso: string, plusMs: number) => new Date(Date.parse(iso) + plusMs).toISOString();
const nl = (text: string): Translated => [{ locale: 'nl', text }];

/** The seed of the installation of `municipality`; `baseUrl` replaces `{base}` in texts. */
export function buildDecidimSeed(municipality: 'GM0599' | 'GM0344', baseUrl: string): DecidimSeed {
  return seedFrom(municipality === 'GM0599' ? ROTTERDAM : UTRECHT, baseUrl);
}

function seedFrom(m: MunicipalityContent, baseUrl: string): DecidimSeed {
  const id = (n: number) => String(m.idBase + n);
  const fill = (s: string) => s.replaceAll('{base}', baseUrl);
  const scopeId = new Map(m.areas.map(([key], i) => [key, id(1 + i)]));
  const themeTaxonomy = new Map(m.themes.map(([key], i) => [key, id(10 + i)]));
  const areaTaxonomy = new Map(m.areas.map(([key], i) => [key, id(20 + i)]));
  let nextProposal = 101;
  let nextProject = 201;
  let nextBudget = 1;
  const proposalIdByKey = new Map<string, string>();

  const proposal = (spec: ProposalSpec, spaceIndex: number, n: number): SeedProposal => {
    const pid = id(nextProposal++);
    const createdAt = at(`${spec.day}T08:15:00.000Z`, n * 7 * 60_000);
    const answered = spec.state !== null && spec.state !== 'not_answered';
    proposalIdByKey.set(`${spaceIndex}:${spec.key}`, pid);
    return {
      id: pid,
      reference: `${m.code}-PROP-${createdAt.slice(0, 7)}-${pid}`,
      title: [
        { locale: 'nl', text: spec.title },
        ...(spec.en ? [{ locale: 'en', text: spec.en.title, machineTranslated: spec.en.machine }] : []),
      ],
      body: [
        { locale: 'nl', text: fill(spec.body) },
        ...(spec.en ? [{ locale: 'en', text: spec.en.body, machineTranslated: spec.en.machine }] : []),
      ],
      answer: spec.answer ? nl(spec.answer) : null,
      state: spec.state,
      ...(spec.legacyState !== undefined && { legacyState: spec.legacyState }),
      ...(spec.stateTitle && {
        stateTitle: [
          { locale: 'nl', text: spec.stateTitle },
          { locale: 'en', text: 'In progress', machineTranslated: true },
        ],
      }),
      withdrawnAt: spec.withdrawn ? at(createdAt, 10 * DAY) : null,
      hidden: spec.hidden ?? false,
      publishedAt: spec.draft ? null : at(createdAt, 5 * 60_000),
      createdAt,
      updatedAt: at(createdAt, (answered ? 30 : 3) * DAY),
      answeredAt: answered ? at(createdAt, 30 * DAY) : null,
      official: spec.official ?? false,
      voteCount: spec.votes,
      endorsementsCount: Math.floor(spec.votes / 10),
      commentsCount: spec.comments,
      address: spec.address ?? null,
      latitude: spec.point?.[0] ?? null,
      longitude: spec.point?.[1] ?? null,
      attachments: attachmentsOf(pid, spec.title, spec.point !== undefined, n % 3 === 0),
      categoryId: id(300 + spaceIndex * 10 + m.themes.findIndex(([k]) => k === spec.theme)),
      scopeId: scopeId.get(spec.area) ?? null,
      taxonomyIds: [themeTaxonomy.get(spec.theme)!, areaTaxonomy.get(spec.area)!],
      authorName: spec.official ? null : AUTHORS[(nextProposal + n) % AUTHORS.length]!,
    };
  };

  const component = (
    cid: number,
    manifest: SeedComponent['manifest'],
    name: string,
    extra: Partial<SeedComponent> = {},
  ): SeedComponent => ({
    id: id(cid),
    manifest,
    name: nl(name),
    weight: cid % 10,
    published: true,
    votesHidden: false,
    proposals: [],
    budgets: [],
    ...extra,
  });

  const space = (spec: SpaceSpec, spaceIndex: number, spaceId: number, componentBase: number): SeedSpace => {
    const first = spec.proposals.reduce((d, p) => (p.day < d ? p.day : d), spec.proposals[0]?.day ?? '2025-01-01');
    const components: SeedComponent[] = [
      component(componentBase + 1, 'proposals', 'Voorstellen', {
        votesHidden: spec.votesHidden ?? false,
        proposals: spec.proposals.map((p, n) => proposal(p, spaceIndex, n)),
      }),
    ];
    if (spec.budgets) {
      components.push(
        component(componentBase + 2, 'budgets', 'Stemmen op plannen', {
          budgets: spec.budgets.map((b, bi): SeedBudget => {
            const projects = b.projects.map((p, n) => {
              const pid = id(nextProject++);
              const createdAt = at('2025-03-20T09:00:00.000Z', n * 3_600_000);
              return {
                id: pid,
                reference: `${m.code}-PROJ-${createdAt.slice(0, 7)}-${pid}`,
                title: nl(p.title),
                description: nl(p.description),
                budgetAmount: p.amount,
                selectedAt: p.selected ? '2025-05-02T10:00:00.000Z' : null,
                confirmedVotes: p.votes,
                createdAt,
                updatedAt: p.selected ? '2025-05-02T10:00:00.000Z' : createdAt,
                categoryId: id(300 + spaceIndex * 10 + m.themes.findIndex(([k]) => k === p.theme)),
                scopeId: scopeId.get(p.area) ?? null,
                taxonomyIds: [themeTaxonomy.get(p.theme)!, areaTaxonomy.get(p.area)!],
                address: p.address ?? null,
                latitude: p.point?.[0] ?? null,
                longitude: p.point?.[1] ?? null,
                attachments: attachmentsOf(pid, p.title, p.selected, false),
                relatedProposalIds: p.from ? [proposalIdByKey.get(`${spaceIndex}:${p.from}`)!] : [],
                commentsCount: n,
              };
            });
            // Budget.projects has no order (docs/upstreams/decidim.md §4.2); the second budget lists them newest first.
            return {
              id: id(nextBudget++),
              title: nl(b.title),
              description: nl(b.description),
              totalBudget: b.total,
              createdAt: '2025-01-10T09:00:00.000Z',
              updatedAt: '2025-05-02T10:00:00.000Z',
              scopeId: scopeId.get(b.area) ?? null,
              projects: bi === 1 ? projects.reverse() : projects,
            };
          }),
        }),
      );
    }
    if (spec.unpublished)
      components.push(
        component(componentBase + 3, 'proposals', 'Voorstellen (concept)', {
          published: false,
          proposals: [proposal(spec.unpublished, spaceIndex, 0)],
        }),
      );
    if (spec.budgets) components.push(component(componentBase + 4, 'accountability', 'Voortgang'));
    return {
      id: id(spaceId),
      slug: spec.slug,
      title: nl(spec.title),
      publishedAt: at(`${first}T07:00:00.000Z`, -14 * DAY),
      createdAt: at(`${first}T07:00:00.000Z`, -30 * DAY),
      categories: m.themes.map(([, name, en], i) => ({
        id: id(300 + spaceIndex * 10 + i),
        name: [
          { locale: 'nl', text: name },
          { locale: 'en', text: en },
        ],
      })),
      components,
      steps: (spec.steps ?? []).map(([title, start, end]) => ({
        title: nl(title),
        startDate: `${start}T00:00:00.000Z`,
        endDate: `${end}T21:59:59.000Z`,
        active: false,
      })),
      children: [],
    };
  };

  const processes = [space(m.processes[0], 0, 1, 10), space(m.processes[1], 1, 2, 20)];
  const assembly = space(m.assembly, 2, 1, 30);
  assembly.children.push(space(m.childAssembly, 3, 2, 40));
  return {
    municipality: m.code,
    organization: { name: nl(m.name), referencePrefix: m.code },
    scopes: m.areas.map(([key, name]) => ({ id: scopeId.get(key)!, name: nl(name) })),
    taxonomies: [
      {
        id: id(1),
        name: [
          { locale: 'nl', text: "Thema's" },
          { locale: 'en', text: 'Themes' },
        ],
        parentId: null,
      },
      {
        id: id(2),
        name: [
          { locale: 'nl', text: 'Wijken' },
          { locale: 'en', text: 'Districts' },
        ],
        parentId: null,
      },
      ...m.themes.map(([key, name, en]) => ({
        id: themeTaxonomy.get(key)!,
        name: [
          { locale: 'nl', text: name },
          { locale: 'en', text: en },
        ],
        parentId: id(1),
      })),
      ...m.areas.map(([key, name]) => ({ id: areaTaxonomy.get(key)!, name: nl(name), parentId: id(2) })),
    ],
    processes,
    assemblies: [assembly],
  };
}

/**
 * Invented attachments, deterministic per record: a photo of the place (for records with one) and an
 * explanatory PDF, at Active Storage's redirect paths as Decidim serves them.
 */
function attachmentsOf(recordId: string, title: string, photo: boolean, pdf: boolean): SeedAttachment[] {
  const blob = (name: string) => `/rails/active_storage/blobs/redirect/sim-${recordId}/${name}`;
  return [
    ...(photo
      ? [{ path: blob(`foto-${recordId}.jpg`), title: [{ locale: 'nl', text: `Foto: ${title}` }], image: true }]
      : []),
    ...(pdf
      ? [{ path: blob(`toelichting-${recordId}.pdf`), title: [{ locale: 'nl', text: 'Toelichting' }], image: false }]
      : []),
  ];
}
