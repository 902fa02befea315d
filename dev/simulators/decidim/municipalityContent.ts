/**
 * Invented content for the two simulated installations: Rotterdam (GM0599) and Utrecht (GM0344). Real
 * neighbourhood and street names, made-up proposals, budgets, costs and votes. Nothing here was harvested.
 * `{base}` in text is replaced by the simulator's own base URL.
 */

export interface ProposalSpec {
  key: string;
  title: string;
  /** English title and body; `machine` marks them as machine translations (docs/upstreams/decidim.md §8 note 3). */
  en?: { title: string; body: string; machine: boolean };
  body: string;
  state: string | null;
  legacyState?: string | null;
  stateTitle?: string;
  answer?: string;
  withdrawn?: boolean;
  hidden?: boolean;
  draft?: boolean;
  official?: boolean;
  votes: number;
  comments: number;
  theme: string;
  area: string;
  address?: string;
  point?: [number, number];
  /** Day of creation, 2025 or 2024. */
  day: string;
}

export interface ProjectSpec {
  title: string;
  description: string;
  amount: number;
  selected: boolean;
  votes: number;
  theme: string;
  area: string;
  address?: string;
  point?: [number, number];
  /** Key of a proposal this project came from (0.31 `relatedProposals`). */
  from?: string;
}

export interface BudgetSpec {
  title: string;
  description: string;
  total: number;
  area: string;
  projects: ProjectSpec[];
}

export interface SpaceSpec {
  slug: string;
  title: string;
  proposals: ProposalSpec[];
  votesHidden?: boolean;
  budgets?: BudgetSpec[];
  /** A proposal in an unpublished Proposals component: never served (docs/upstreams/decidim.md §4.4). */
  unpublished?: ProposalSpec;
  steps?: [string, string, string][];
}

export interface MunicipalityContent {
  code: 'GM0599' | 'GM0344';
  name: string;
  /** Where this installation's ids start, so the two never look alike. */
  idBase: number;
  areas: [key: string, name: string][];
  themes: [key: string, nl: string, en: string][];
  processes: [SpaceSpec, SpaceSpec];
  assembly: SpaceSpec;
  childAssembly: SpaceSpec;
}

const spam = (area: string, theme: string): ProposalSpec => ({
  key: 'spam',
  title: 'Goedkope tuinmeubelen, bestel nu!',
  body: '<p>Klik hier voor korting.</p>',
  state: null,
  hidden: true,
  votes: 0,
  comments: 0,
  theme,
  area,
  day: '2025-03-02',
});

export const ROTTERDAM: MunicipalityContent = {
  code: 'GM0599',
  name: 'Gemeente Rotterdam',
  idBase: 0,
  areas: [
    ['delfshaven', 'Delfshaven'],
    ['feijenoord', 'Feijenoord'],
    ['charlois', 'Charlois'],
    ['noord', 'Noord'],
    ['kralingen', 'Kralingen-Crooswijk'],
    ['centrum', 'Centrum'],
  ],
  themes: [
    ['groen', 'Groen', 'Green'],
    ['verkeer', 'Verkeer', 'Traffic'],
    ['spelen', 'Spelen', 'Play'],
    ['voorzieningen', 'Voorzieningen', 'Facilities'],
  ],
  processes: [
    {
      slug: 'rotterdam-groener-2025',
      title: 'Rotterdam Groener 2025',
      steps: [
        ['Ideeën indienen', '2025-02-01', '2025-04-30'],
        ['Beoordeling', '2025-05-01', '2025-06-30'],
        ['Uitvoering', '2025-07-01', '2025-12-31'],
      ],
      proposals: [
        {
          key: 'bomen',
          title: 'Meer bomen langs de Groene Hilledijk',
          en: {
            title: 'More trees along the Groene Hilledijk',
            body: '<p>The Groene Hilledijk deserves its name again.</p>',
            machine: false,
          },
          body: '<p>De Groene Hilledijk verdient zijn naam weer. Plant <strong>lindebomen</strong> tussen de parkeervakken.</p>',
          state: 'accepted',
          answer: '<p>Het college neemt dit voorstel over; de bomen worden in het plantseizoen geplant.</p>',
          votes: 212,
          comments: 14,
          theme: 'groen',
          area: 'feijenoord',
          address: 'Groene Hilledijk 300, 3074 AB Rotterdam',
          point: [51.8953, 4.5087],
          day: '2025-02-11',
        },
        {
          key: 'geveltuinen',
          title: 'Geveltuinen in de Afrikaanderwijk',
          en: {
            title: 'Facade gardens in the Afrikaander district',
            body: '<p>Let residents remove one tile for a facade garden.</p>',
            machine: true,
          },
          body: '<p>Laat bewoners één stoeptegel wippen voor een geveltuin, met hulp van de gemeente.</p>',
          state: 'evaluating',
          votes: 87,
          comments: 6,
          theme: 'groen',
          area: 'feijenoord',
          day: '2025-02-20',
        },
        {
          key: 'zuiderpark',
          title: 'Speeltuin in het Zuiderpark opknappen',
          body: '<p>De speeltuin bij de Zuiderparkweg is versleten.<script>alert(1)</script> Zie <a href="{base}/processes/rotterdam-groener-2025">de plannen</a>.</p>',
          state: null,
          votes: 45,
          comments: 3,
          theme: 'spelen',
          area: 'charlois',
          address: 'Zuiderparkweg 1, 3084 BD Rotterdam',
          point: [51.8833, 4.48],
          day: '2025-03-01',
        },
        {
          key: 'oude-noorden',
          title: 'Parkeerplaatsen omzetten in groen in het Oude Noorden',
          body: '<p>Vervang tien parkeerplaatsen in de Zaagmolenstraat door plantvakken.</p>',
          state: 'rejected',
          answer: '<p>Dit past niet in het parkeerbeleid voor Noord.</p>',
          votes: 130,
          comments: 22,
          theme: 'groen',
          area: 'noord',
          day: '2025-03-05',
        },
        {
          key: 'moestuin',
          title: 'Buurtmoestuin bij het Benthemplein',
          body: '<p>Een moestuin voor de buurt op het braakliggende stuk grond.</p>',
          state: null,
          withdrawn: true,
          votes: 12,
          comments: 1,
          theme: 'groen',
          area: 'noord',
          day: '2025-03-09',
        },
        spam('centrum', 'groen'),
        {
          key: 'vlindertuin',
          title: 'Vlindertuin op het dak van de Centrale Bibliotheek',
          body: '<p>Concept.</p>',
          state: null,
          draft: true,
          votes: 0,
          comments: 0,
          theme: 'groen',
          area: 'centrum',
          day: '2025-03-12',
        },
      ],
    },
    {
      slug: 'wijkbudget-delfshaven-2025',
      title: 'Wijkbudget Delfshaven 2025',
      steps: [
        ['Ideeën verzamelen', '2025-01-15', '2025-03-15'],
        ['Stemmen', '2025-04-01', '2025-04-30'],
        ['Uitvoering', '2025-05-01', '2025-12-31'],
      ],
      proposals: [
        {
          key: 'stalling',
          title: 'Fietsenstalling bij metrostation Coolhaven',
          body: '<p>Fietsen staan overal op de stoep bij Coolhaven. Een bewaakte stalling lost dat op.</p>',
          state: 'in_uitvoering',
          legacyState: 'accepted',
          stateTitle: 'In uitvoering',
          votes: 64,
          comments: 9,
          theme: 'verkeer',
          area: 'delfshaven',
          address: 'Coolhaven, 3024 AE Rotterdam',
          point: [51.9097, 4.4563],
          day: '2025-01-20',
        },
        {
          key: 'oversteek',
          title: 'Veilig oversteken op de Schiedamseweg',
          body: '<p>Kinderen steken over bij de tramhalte zonder zebrapad.</p>',
          state: 'not_answered',
          votes: 98,
          comments: 11,
          theme: 'verkeer',
          area: 'delfshaven',
          day: '2025-02-02',
        },
      ],
      unpublished: {
        key: 'test',
        title: 'Testvoorstel (niet gepubliceerd)',
        body: '<p>Test.</p>',
        state: null,
        votes: 0,
        comments: 0,
        theme: 'verkeer',
        area: 'delfshaven',
        day: '2025-01-16',
      },
      budgets: [
        {
          title: 'Wijkbudget Bospolder-Tussendijken',
          description: '<p>€ 250.000 voor plannen van bewoners uit Bospolder en Tussendijken.</p>',
          total: 250_000,
          area: 'delfshaven',
          projects: [
            {
              title: 'Fietsenstalling Coolhaven',
              description: '<p>Een bewaakte stalling voor 300 fietsen.</p>',
              amount: 85_000,
              selected: true,
              votes: 412,
              theme: 'verkeer',
              area: 'delfshaven',
              from: 'stalling',
            },
            {
              title: 'Nieuwe bankjes op het Dakpark',
              description: '<p>Twaalf bankjes met rugleuning.</p>',
              amount: 30_000,
              selected: true,
              votes: 388,
              theme: 'voorzieningen',
              area: 'delfshaven',
              address: 'Dakpark, Vierhavensstraat, 3029 BG Rotterdam',
              point: [51.9136, 4.4405],
            },
            {
              title: 'Speelplek Tussendijken vernieuwen',
              description: '<p>Nieuwe toestellen en valtegels.</p>',
              amount: 140_000,
              selected: false,
              votes: 201,
              theme: 'spelen',
              area: 'delfshaven',
            },
          ],
        },
        {
          title: 'Wijkbudget Spangen',
          description: '<p>€ 120.000 voor Spangen.</p>',
          total: 120_000,
          area: 'delfshaven',
          projects: [
            {
              title: 'Buurthuis Spangen verduurzamen',
              description: '<p>Zonnepanelen en isolatie voor het buurthuis.</p>',
              amount: 90_000,
              selected: false,
              votes: 0,
              theme: 'voorzieningen',
              area: 'delfshaven',
            },
            {
              title: 'Extra verlichting Spaansebocht',
              description: '<p>Veiliger over straat in het donker.</p>',
              amount: 25_000,
              selected: false,
              votes: 0,
              theme: 'verkeer',
              area: 'delfshaven',
            },
          ],
        },
      ],
    },
  ],
  assembly: {
    slug: 'adviesraad-verkeer',
    title: 'Adviesraad Verkeer Rotterdam',
    votesHidden: true,
    proposals: [
      {
        key: 'drempels',
        title: 'Snelheidsdrempels op de Kralingse Plaslaan',
        body: '<p>Er wordt hier veel te hard gereden.</p>',
        state: 'evaluating',
        votes: 33,
        comments: 2,
        theme: 'verkeer',
        area: 'kralingen',
        day: '2025-04-02',
      },
      {
        key: 'zebrapad',
        title: 'Zebrapad bij de basisschool in Crooswijk',
        body: '<p>Advies van de raad aan het college.</p>',
        state: 'accepted',
        official: true,
        answer: '<p>Het zebrapad komt er in de zomervakantie.</p>',
        votes: 0,
        comments: 0,
        theme: 'verkeer',
        area: 'kralingen',
        day: '2025-04-10',
      },
    ],
  },
  childAssembly: {
    slug: 'jongerenpanel-verkeer',
    title: 'Jongerenpanel Verkeer',
    proposals: [
      {
        key: 'skatebaan',
        title: 'Skatebaan bij het Kralingse Bos',
        en: {
          title: 'Skate park near the Kralingse Bos',
          body: '<p>Young people have nowhere to skate.</p>',
          machine: true,
        },
        body: '<p>Jongeren hebben nergens een plek om te skaten.</p>',
        state: null,
        votes: 19,
        comments: 4,
        theme: 'spelen',
        area: 'kralingen',
        day: '2025-04-15',
      },
    ],
  },
};

export const UTRECHT: MunicipalityContent = {
  code: 'GM0344',
  name: 'Gemeente Utrecht',
  idBase: 500,
  areas: [
    ['overvecht', 'Overvecht'],
    ['noordoost', 'Noordoost'],
    ['noordwest', 'Noordwest'],
    ['west', 'West'],
    ['zuidwest', 'Zuidwest'],
    ['leidscherijn', 'Leidsche Rijn'],
  ],
  themes: [
    ['groen', 'Groen', 'Green'],
    ['verkeer', 'Verkeersveiligheid', 'Road safety'],
    ['spelen', 'Spelen', 'Play'],
    ['voorzieningen', 'Voorzieningen', 'Facilities'],
  ],
  processes: [
    {
      slug: 'utrecht-natuurlijk-2025',
      title: 'Utrecht Natuurlijk: groen in de wijk',
      steps: [
        ['Voorstellen doen', '2025-03-01', '2025-05-31'],
        ['Beoordeling', '2025-06-01', '2025-07-31'],
        ['Uitvoering', '2025-08-01', '2026-06-30'],
      ],
      proposals: [
        {
          key: 'tinyforest',
          title: 'Tiny forest in Park de Watertoren',
          en: {
            title: 'Tiny forest in Park de Watertoren',
            body: '<p>A small dense forest for the neighbourhood.</p>',
            machine: false,
          },
          body: '<p>Een klein, dicht bos van inheemse soorten, aangelegd met de buurtschool.</p>',
          state: 'accepted',
          answer: '<p>We leggen het bos in november aan.</p>',
          votes: 176,
          comments: 12,
          theme: 'groen',
          area: 'overvecht',
          address: 'Park de Watertoren, 3562 Utrecht',
          point: [52.1157, 5.1069],
          day: '2025-03-04',
        },
        {
          key: 'griftpark',
          title: 'Meer bankjes in het Griftpark',
          en: {
            title: 'More benches in the Griftpark',
            body: '<p>There are too few places to sit.</p>',
            machine: true,
          },
          body: '<p>Op zonnige dagen is er te weinig plek om te zitten.</p>',
          state: 'evaluating',
          votes: 58,
          comments: 5,
          theme: 'voorzieningen',
          area: 'noordoost',
          address: 'Griftpark, 3572 Utrecht',
          point: [52.0973, 5.1235],
          day: '2025-03-10',
        },
        {
          key: 'majella',
          title: 'Speeltuin Majellapark vernieuwen',
          body: '<p>De toestellen in het Majellapark zijn <em>verouderd</em>. Meer op <a href="{base}/processes/utrecht-natuurlijk-2025">de procespagina</a>.</p>',
          state: null,
          votes: 39,
          comments: 2,
          theme: 'spelen',
          area: 'noordwest',
          day: '2025-03-18',
        },
        {
          key: 'bushokjes',
          title: 'Groene daken op bushokjes in Lombok',
          body: '<p>Sedumdaken op alle bushokjes aan de Kanaalstraat.</p>',
          state: 'rejected',
          answer: '<p>De bushokjes zijn van de vervoerder; wij kunnen dit niet besluiten.</p>',
          votes: 71,
          comments: 8,
          theme: 'groen',
          area: 'west',
          day: '2025-03-22',
        },
        {
          key: 'wadi',
          title: 'Wadi in Kanaleneiland-Noord',
          body: '<p>Regenwater opvangen in een wadi bij de Marshalllaan.</p>',
          state: null,
          withdrawn: true,
          votes: 7,
          comments: 0,
          theme: 'groen',
          area: 'zuidwest',
          day: '2025-04-01',
        },
        spam('west', 'groen'),
        {
          key: 'geveltuin',
          title: 'Geveltuinen in Zuilen',
          body: '<p>Concept.</p>',
          state: null,
          draft: true,
          votes: 0,
          comments: 0,
          theme: 'groen',
          area: 'noordwest',
          day: '2025-04-03',
        },
      ],
    },
    {
      slug: 'buurtbudget-overvecht-2025',
      title: 'Buurtbudget Overvecht 2025',
      steps: [
        ['Ideeën verzamelen', '2025-02-01', '2025-03-31'],
        ['Stemmen', '2025-04-15', '2025-05-15'],
        ['Uitvoering', '2025-06-01', '2026-03-31'],
      ],
      proposals: [
        {
          key: 'stalling',
          title: 'Fietsenstalling bij station Overvecht',
          body: '<p>De stalling aan de oostkant is altijd vol.</p>',
          state: 'in_uitvoering',
          legacyState: 'accepted',
          stateTitle: 'In uitvoering',
          votes: 83,
          comments: 7,
          theme: 'verkeer',
          area: 'overvecht',
          address: 'Stationsplein Overvecht, 3562 Utrecht',
          point: [52.1113, 5.112],
          day: '2025-02-05',
        },
        {
          key: 'gagel',
          title: 'Veilige kruising Gagelsweg en Einsteindreef',
          body: "<p>Fietsers en auto's komen elkaar hier te snel tegen.</p>",
          state: 'not_answered',
          votes: 120,
          comments: 15,
          theme: 'verkeer',
          area: 'overvecht',
          day: '2025-02-14',
        },
      ],
      unpublished: {
        key: 'test',
        title: 'Proefvoorstel (niet gepubliceerd)',
        body: '<p>Test.</p>',
        state: null,
        votes: 0,
        comments: 0,
        theme: 'verkeer',
        area: 'overvecht',
        day: '2025-02-01',
      },
      budgets: [
        {
          title: 'Buurtbudget Overvecht-Noord',
          description: '<p>€ 200.000 voor plannen uit Overvecht-Noord.</p>',
          total: 200_000,
          area: 'overvecht',
          projects: [
            {
              title: 'Buurthuis De Boog opknappen',
              description: '<p>Nieuwe keuken en vloer.</p>',
              amount: 95_000,
              selected: true,
              votes: 301,
              theme: 'voorzieningen',
              area: 'overvecht',
            },
            {
              title: 'Fietsenstalling station Overvecht uitbreiden',
              description: '<p>200 extra plekken.</p>',
              amount: 70_000,
              selected: true,
              votes: 288,
              theme: 'verkeer',
              area: 'overvecht',
              from: 'stalling',
              address: 'Stationsplein Overvecht, 3562 Utrecht',
              point: [52.1113, 5.112],
            },
            {
              title: 'Jeu-de-boulesbaan Zambesidreef',
              description: '<p>Een baan bij het seniorencomplex.</p>',
              amount: 15_000,
              selected: false,
              votes: 97,
              theme: 'spelen',
              area: 'overvecht',
            },
          ],
        },
        {
          title: 'Buurtbudget Overvecht-Zuid',
          description: '<p>€ 80.000 voor Overvecht-Zuid.</p>',
          total: 80_000,
          area: 'overvecht',
          projects: [
            {
              title: 'Speeltoestellen Vechtzoompark',
              description: '<p>Een klimrek en schommels.</p>',
              amount: 30_000,
              selected: false,
              votes: 0,
              theme: 'spelen',
              area: 'overvecht',
            },
            {
              title: 'Bankjes langs de Vechtzoom',
              description: '<p>Zes bankjes langs het fietspad.</p>',
              amount: 12_000,
              selected: false,
              votes: 0,
              theme: 'voorzieningen',
              area: 'overvecht',
            },
          ],
        },
      ],
    },
  ],
  assembly: {
    slug: 'wijkraad-leidsche-rijn',
    title: 'Wijkraad Leidsche Rijn',
    votesHidden: true,
    proposals: [
      {
        key: 'bushalte',
        title: 'Extra bushalte bij Leidsche Rijn Centrum',
        body: '<p>De halte ligt te ver van de nieuwe woningen.</p>',
        state: 'evaluating',
        votes: 44,
        comments: 3,
        theme: 'verkeer',
        area: 'leidscherijn',
        day: '2025-04-08',
      },
      {
        key: 'fietspad',
        title: 'Fietspad langs het Máximapark verlichten',
        body: '<p>Advies van de wijkraad.</p>',
        state: 'accepted',
        official: true,
        answer: '<p>De verlichting komt er dit najaar.</p>',
        votes: 0,
        comments: 1,
        theme: 'verkeer',
        area: 'leidscherijn',
        point: [52.096, 5.047],
        address: 'Máximapark, 3541 Utrecht',
        day: '2025-04-12',
      },
    ],
  },
  childAssembly: {
    slug: 'jongerenraad-leidsche-rijn',
    title: 'Jongerenraad Leidsche Rijn',
    proposals: [
      {
        key: 'pannakooi',
        title: 'Pannakooi in het Máximapark',
        en: {
          title: 'Street football cage in the Máximapark',
          body: '<p>A place to play football.</p>',
          machine: true,
        },
        body: '<p>Een plek om te voetballen voor jongeren uit Vleuten en De Meern.</p>',
        state: null,
        votes: 26,
        comments: 2,
        theme: 'spelen',
        area: 'leidscherijn',
        day: '2025-04-20',
      },
    ],
  },
};
