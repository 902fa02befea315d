/**
 * Invented data for a simulated CONSUL installation of Tilburg (GM0855), in Dutch and (partly) English.
 * The neighbourhoods are real, the people, proposals, budgets and votes are not.
 */
import { investment, nl, proposal } from './seedHelpers';
import type { ConsulSeed } from './seedTypes';

/** Tilburg's installation before winners are calculated (consulSeed does that). */
export function tilburgSeed(): ConsulSeed {
  return {
    municipality: 'GM0855',
    locales: ['nl', 'en'],
    features: { debates: 't', proposals: 't', polls: 't', budgets: 't', legislation: null },
    users: [
      { id: 11, username: 'sanne013', publicActivity: true },
      { id: 12, username: 'buurtraad-reeshof', publicActivity: true },
      { id: 13, username: 'tim.verhoeven', publicActivity: false },
      { id: 14, username: 'student_tiu', publicActivity: true },
    ],
    geozones: [
      { id: 1, name: 'Centrum' }, { id: 2, name: 'Reeshof' }, { id: 3, name: 'Korvel' },
      { id: 4, name: 'Groenewoud' }, { id: 5, name: 'Berkel-Enschot' }, { id: 6, name: 'Stokhasselt' },
      { id: 7, name: 'Oud-Zuid' }, { id: 8, name: 'Jeruzalem' },
    ],
    tags: [
      { id: 21, name: 'Verkeer en vervoer', kind: 'category' }, { id: 22, name: 'Groen en duurzaamheid', kind: 'category' },
      { id: 23, name: 'Spelen en sport', kind: 'category' }, { id: 24, name: 'Ontmoeten', kind: 'category' },
      { id: 25, name: 'verkeersveiligheid', kind: null }, { id: 26, name: 'jongeren', kind: null },
    ],
    proposals: [
      proposal({
        id: 58,
        title: { nl: 'Overdekte fietsenstalling in de Spoorzone', en: 'Covered bicycle parking in the Spoorzone' },
        summary: { nl: 'Bij de LocHal en de bibliotheek is te weinig plek voor fietsen.', en: 'There is too little room for bicycles near the LocHal and the library.' },
        description: { nl: '<p>Bouw een overdekte stalling voor <strong>600 fietsen</strong>.</p>', en: '<p>Build covered parking for <strong>600 bicycles</strong>.</p>' },
        createdAt: '2026-05-19T07:12:00.000Z', cachedVotesUp: 132, commentsCount: 14, geozoneId: 1, authorId: 14, tagIds: [21],
      }),
      proposal({
        id: 63, title: 'Meer groen op het Piusplein',
        summary: 'Bomen en plantenbakken maken het stenige Piusplein koeler in de zomer.',
        description: '<p>Het Piusplein is in de zomer een hitte-eiland.</p>',
        createdAt: '2026-08-25T12:30:00.000Z', cachedVotesUp: 38, commentsCount: 2, geozoneId: 1, authorId: 11, tagIds: [22],
      }),
      proposal({
        id: 71, title: 'Verkeersdrempels in de Reeshof',
        summary: 'Drempels op de Bredaseweg-parallel waar te hard wordt gereden.',
        description: '<p>Er wordt 70 gereden waar 30 mag.</p>',
        createdAt: '2025-10-02T18:05:00.000Z', cachedVotesUp: 16, commentsCount: 7, geozoneId: 2, authorId: 12, tagIds: [21, 25],
        retiredAt: '2025-11-20T10:00:05.000Z', retiredReason: 'other',
        retiredExplanation: { nl: 'De gemeente pakt dit mee in het nieuwe verkeersplan.', en: 'The municipality includes this in the new traffic plan.' },
      }),
      proposal({
        id: 77, title: 'Speeltuin Korvel vernieuwen',
        summary: 'De speeltuin aan de Korvelseweg is verouderd en deels afgezet.',
        description: '<p>Nieuwe toestellen, ook voor kinderen in een rolstoel.</p>',
        createdAt: '2026-01-12T15:48:00.000Z', cachedVotesUp: 523, commentsCount: 31, geozoneId: 3, authorId: 11, tagIds: [23],
      }),
      proposal({
        id: 84, title: 'Een buurthuis voor Groenewoud',
        summary: 'Groenewoud heeft geen plek waar buren elkaar kunnen ontmoeten.',
        description: '<p>Gebruik het leegstaande schoolgebouw als buurthuis.</p>',
        createdAt: '2024-09-17T09:02:00.000Z', cachedVotesUp: 210, commentsCount: 18, geozoneId: 4, authorId: 13, tagIds: [24],
      }),
      proposal({
        id: 90, title: 'Watertappunten in Berkel-Enschot',
        summary: 'Gratis drinkwater bij de sportvelden en het dorpsplein.',
        description: '<p>Minder plastic flesjes, meer water.</p>',
        createdAt: '2026-10-06T06:03:00.000Z', cachedVotesUp: 12, commentsCount: 0, geozoneId: 5, authorId: 12, tagIds: [22],
      }),
      proposal({
        id: 95,
        title: { nl: 'Skatebaan bij het Wilhelminapark', en: 'Skate park near the Wilhelminapark' },
        summary: { nl: 'Jongeren in het centrum hebben geen plek om te skaten.', en: 'Young people in the city centre have nowhere to skate.' },
        description: { nl: '<p>Een kleine skatebaan met bankjes eromheen.</p>', en: '<p>A small skate park with benches around it.</p>' },
        createdAt: '2026-09-14T16:20:00.000Z', cachedVotesUp: 29, commentsCount: 4, geozoneId: 1, authorId: 14, tagIds: [23, 26],
      }),
      proposal({
        id: 99, title: 'Bankjes langs de Piushaven',
        summary: 'Zitplekken aan het water tussen de Havendijk en de Hopliedekade.',
        description: '<p>Nu zit iedereen op de kademuur.</p>',
        createdAt: '2025-04-04T11:00:00.000Z', cachedVotesUp: 77, commentsCount: 9, geozoneId: 7, authorId: 11, tagIds: [24],
        retiredAt: '2025-09-30T08:45:00.000Z', retiredReason: 'done',
        retiredExplanation: nl('De bankjes zijn in september geplaatst.'),
      }),
      proposal({
        id: 102, title: 'Zebrapad bij basisschool in Stokhasselt',
        summary: 'Kinderen steken de Ringbaan-Noord over zonder zebrapad.',
        description: '<p>Elke ochtend gevaarlijke situaties bij de school.</p>',
        createdAt: '2026-04-02T07:30:00.000Z', cachedVotesUp: 1250, commentsCount: 42, geozoneId: 6, authorId: 12, tagIds: [21, 25],
      }),
    ],
    budgets: [
      {
        id: 4, slug: 'tilburg-begroot-2026', name: nl('Tilburg Begroot 2026'), phase: 'finished', published: true,
        votingStyle: 'approval', hideMoney: false, resultsEnabled: true,
        headings: [{ id: 21, name: 'Tilburg-Noord', price: 75_000 }, { id: 22, name: 'Tilburg-Zuid', price: 75_000 }],
      },
      {
        id: 5, slug: 'tilburg-begroot-2027', name: nl('Tilburg Begroot 2027'), phase: 'accepting', published: true,
        votingStyle: 'knapsack', hideMoney: false, resultsEnabled: false, headings: [{ id: 23, name: 'Heel Tilburg', price: 150_000 }],
      },
      {
        id: 6, slug: 'tilburg-begroot-2028', name: nl('Tilburg Begroot 2028'), phase: 'informing', published: false,
        votingStyle: 'knapsack', hideMoney: false, resultsEnabled: false, headings: [{ id: 24, name: 'Heel Tilburg', price: 150_000 }],
      },
    ],
    investments: [
      ...([
        [380, 21, 'Buurtmoestuin in Stokhasselt', '18000', 512, false],
        [381, 21, 'Calisthenicspark in de Reeshof', '42000', 498, false],
        [382, 21, 'Pannaveld in de Heikant', '35000', 430, false],
        [383, 21, 'Insectenhotels in Berkel-Enschot', '4500', 210, false],
        [384, 22, 'Speeltoestellen in Jeruzalem', '26000', 603, false],
        [385, 22, 'Waterspeelplaats aan de Piushaven', '30000', 580, true],
        [386, 22, 'Groene schoolpleinen in Korvel', '40000', 455, false],
      ] as const).map(([id, headingId, title, price, ballots, incompatible]) => investment({
        id, budgetId: 4, headingId, title, description: `<p>${title}. Ingediend voor Tilburg Begroot 2026.</p>`,
        price, feasibility: 'feasible', selected: true, incompatible, ballotLinesCount: ballots, cachedVotesUp: ballots + 25, authorId: 11 + (id % 4),
      })),
      investment({
        id: 387, budgetId: 4, headingId: 22, title: 'Ontmoetingsbankjes in Oud-Zuid', description: '<p>Bankjes die naar elkaar toe staan.</p>',
        price: '5000', feasibility: 'feasible', cachedVotesUp: 20, authorId: 11,
      }),
      investment({
        id: 388, budgetId: 4, headingId: 22, title: 'Kabelbaan over de Spoorzone', description: '<p>Van het station naar de Piushaven.</p>',
        price: null, feasibility: 'unfeasible', cachedVotesUp: 64, authorId: 14,
      }),
      ...([
        [402, 'Buitenfitness in het Leijpark', 'Leijpark'],
        [403, 'Bloemrijke bermen in de Reeshof', 'Reeshof'],
        [404, 'Jongerenhonk in Stokhasselt', 'Stokhasselt'],
        [405, 'Veilige oversteek bij de Piushaven', 'Piushaven'],
        [406, 'Pumptrack in Udenhout', 'Udenhout'],
        [407, 'Openbare toiletten in het Spoorpark', 'Spoorpark'],
        [408, 'Fietsenrekken bij de Heuvel', 'De Heuvel'],
        [409, 'Boomspiegels beplanten in Oud-Noord', null],
        [410, 'Speeltuin Groenewoud toegankelijk maken', 'Groenewoud'],
        [411, 'Zonnepanelen op buurthuis De Poorten', 'Buurthuis De Poorten'],
        [412, 'Hondenuitlaatplek in Tilburg-West', null],
        [413, 'Kunstwerk aan de Piushaven', 'Piushaven'],
      ] as const).map(([id, title, location]) => investment({
        id, budgetId: 5, headingId: 23, title, description: `<p>${title}. Nog niet beoordeeld.</p>`,
        price: null, feasibility: 'undecided', authorId: 11 + (id % 4), location,
      })),
      investment({
        id: 420, budgetId: 6, headingId: 24, title: 'Proefidee in concept', description: '<p>Concept.</p>',
        price: null, feasibility: 'undecided', authorId: 11,
      }),
    ],
  };
}
