/**
 * Invented data for a simulated CONSUL installation of Assen (GM0106). The neighbourhoods are real, the
 * people, proposals, budgets and votes are not.
 */
import { investment, nl, proposal } from './seedHelpers';
import type { ConsulSeed } from './seedTypes';

/** Assen's installation before winners are calculated (consulSeed does that). */
export function assenSeed(): ConsulSeed {
  return {
    municipality: 'GM0106',
    locales: ['nl'],
    features: { debates: 't', proposals: 't', polls: null, budgets: 't', legislation: null },
    users: [
      { id: 1, username: 'jvandijk', publicActivity: true },
      { id: 2, username: 'marloes_assen', publicActivity: true },
      { id: 3, username: 'wijkteam-pittelo', publicActivity: true },
      { id: 4, username: null, publicActivity: true },
      { id: 5, username: 'h.bakker', publicActivity: false },
    ],
    geozones: [
      { id: 1, name: 'Centrum' }, { id: 2, name: 'Assen-Oost' }, { id: 3, name: 'Kloosterveen' },
      { id: 4, name: 'Pittelo' }, { id: 5, name: 'Lariks' }, { id: 6, name: 'Marsdijk' },
      { id: 7, name: 'Noorderpark' }, { id: 8, name: 'Peelo' },
    ],
    tags: [
      { id: 1, name: 'Groen', kind: 'category' }, { id: 2, name: 'Verkeer', kind: 'category' },
      { id: 3, name: 'Spelen', kind: 'category' }, { id: 4, name: 'Welzijn', kind: 'category' },
      { id: 5, name: 'Duurzaamheid', kind: 'category' }, { id: 6, name: 'ouderen', kind: null },
      { id: 7, name: 'verkeersveiligheid', kind: null }, { id: 8, name: 'fietsen', kind: null },
    ],
    proposals: [
      proposal({
        id: 112, title: 'Meer bankjes in het Asserbos',
        summary: 'Langs de wandelpaden in het Asserbos staan te weinig bankjes om even uit te rusten.',
        description: '<p>Veel ouderen wandelen graag in het <strong>Asserbos</strong>, maar tussen de vijver en de Vredeveldseweg is nergens een bankje.</p><p>Wij stellen voor om <em>zes bankjes</em> te plaatsen.</p>',
        createdAt: '2026-03-14T10:24:00.000Z', cachedVotesUp: 87, commentsCount: 6, geozoneId: 1, authorId: 1, tagIds: [1, 6],
      }),
      proposal({
        id: 118, title: 'Speeltuin Kloosterveen voor de jongste kinderen',
        summary: 'Een omheinde speeltuin met toestellen voor kinderen tot zes jaar in Kloosterveen-Noord.',
        description: '<p>In Kloosterveen wonen veel jonge gezinnen, maar de speeltuinen zijn vooral voor oudere kinderen.</p><ul><li>zandbak met schaduwdoek</li><li>kleine glijbaan</li><li>hek rondom</li></ul>',
        createdAt: '2026-02-03T19:05:00.000Z', cachedVotesUp: 341, commentsCount: 22, geozoneId: 3, authorId: 2, tagIds: [3],
        videoUrl: 'https://www.youtube.com/watch?v=kloosterveen01',
      }),
      proposal({
        id: 125, title: 'Fietsenstalling bij station Assen uitbreiden',
        summary: 'De bewaakte stalling bij het station is op werkdagen vol; er zijn 400 extra plekken nodig.',
        description: '<p>Sinds de verbouwing van het stationsgebied staan fietsen overal op de stoep. Breid de stalling uit met <strong>400 plekken</strong>.</p>',
        createdAt: '2024-05-21T08:40:00.000Z', cachedVotesUp: 156, commentsCount: 11, geozoneId: 1, authorId: 4, tagIds: [2, 8],
      }),
      proposal({
        id: 131, title: 'Veilig oversteken bij de Vaart',
        summary: 'Een zebrapad met verlichting bij de Vaart ter hoogte van de Kloekhorststraat.',
        description: '<p>Kinderen steken hier over naar school. Auto\'s rijden er te hard.</p>',
        createdAt: '2025-06-10T14:10:00.000Z', cachedVotesUp: 9, commentsCount: 2, geozoneId: 1, authorId: 3, tagIds: [2, 7],
        retiredAt: '2025-07-02T09:31:12.000Z', retiredReason: 'duplicated',
        retiredExplanation: nl('Dit voorstel is samengevoegd met "Verkeersveiligheid rond de Vaart".'),
      }),
      proposal({
        id: 140, title: 'Hondenlosloopgebied in Pittelo',
        summary: 'Een omheind veld waar honden los mogen lopen, bij het Pittelobos.',
        description: '<p>Hondenbezitters in Pittelo moeten nu ver lopen. Een <a href="https://example.org/kaart">veldje naast het bos</a> is ideaal.</p>',
        createdAt: '2026-07-08T17:45:00.000Z', cachedVotesUp: 44, commentsCount: 3, geozoneId: 4, authorId: 3, tagIds: [1],
      }),
      proposal({
        id: 147, title: 'Meer activiteiten voor ouderen in buurthuis Lariks',
        summary: 'Twee middagen per week koffie, spelletjes en bewegen voor ouderen in de Lariks.',
        description: '<p>Veel ouderen in de Lariks zijn eenzaam. Het buurthuis staat \'s middags leeg.</p>',
        createdAt: '2025-01-16T11:20:00.000Z', cachedVotesUp: 27, commentsCount: 4, geozoneId: 5, authorId: 5, tagIds: [4, 6],
        retiredAt: '2025-03-03T15:02:40.000Z', retiredReason: 'unfeasible',
        retiredExplanation: nl('Het buurthuis gaat in 2025 dicht voor renovatie.'),
      }),
      proposal({
        id: 153, title: "Laadpalen voor elektrische deelauto's",
        summary: "Laadpalen op vaste plekken zodat deelauto's in elke wijk beschikbaar zijn.",
        description: "<p>Met deelauto's hebben minder huishoudens een tweede auto nodig. Dat scheelt parkeerplaatsen.</p>",
        createdAt: '2026-09-01T06:59:00.000Z', cachedVotesUp: 23, commentsCount: 1, authorId: 1,
      }),
      proposal({
        id: 158, title: "Wadi's tegen wateroverlast in Peelo",
        summary: "Bij hevige regen lopen kelders in Peelo onder. Wadi's in de groenstroken vangen water op.",
        description: '<p>Na de buien van vorige zomer stonden straten in Peelo blank.</p><script>alert("x")</script>',
        createdAt: '2026-06-22T21:15:00.000Z', cachedVotesUp: 64, commentsCount: 5, geozoneId: 8, authorId: 5, tagIds: [5, 1],
      }),
      proposal({
        id: 161, title: 'Goedkope zonnebrillen!!!', summary: 'Spam', description: '<p>Spam</p>',
        createdAt: '2026-08-08T08:08:00.000Z', cachedVotesUp: 0, authorId: 4, hidden: true,
      }),
    ],
    budgets: [
      {
        id: 3, slug: 'assen-begroot-2025', name: nl('Assen Begroot 2025'), phase: 'finished', published: true,
        votingStyle: 'knapsack', hideMoney: false, resultsEnabled: true, headings: [{ id: 11, name: 'Heel Assen', price: 100_000 }],
      },
      {
        id: 4, slug: 'assen-begroot-2026', name: nl('Assen Begroot 2026'), phase: 'balloting', published: true,
        votingStyle: 'knapsack', hideMoney: false, resultsEnabled: false, headings: [{ id: 12, name: 'Heel Assen', price: 120_000 }],
      },
    ],
    investments: [
      ...([
        [274, 'Pannakooi in Assen-Oost', '38000', 402, 'Speelveld Baggelhuizen'],
        [275, 'Speelbos in Kloosterveen', '45000', 377, 'Kloosterveen, bij de Kloosterveste'],
        [276, 'Rustbankjes langs de Vaart', '8500', 355, 'Vaart Zuid'],
        [277, 'Jeu-de-boulesbaan in Pittelo', '12000', 301, null],
        [278, 'AED-kasten in het Noorderpark', '6000', 250, 'Noorderpark'],
        [279, 'Overdekte fietsenstalling bij winkelcentrum Marsdijk', '22000', 199, 'Winkelcentrum Marsdijk'],
      ] as const).map(([id, title, price, ballots, location]) => investment({
        id, budgetId: 3, headingId: 11, title, description: `<p>${title}: een idee van inwoners voor Assen Begroot 2025.</p>`,
        price, feasibility: 'feasible', selected: true, ballotLinesCount: ballots, cachedVotesUp: ballots + 40, authorId: 1 + (id % 4), location,
        milestones: id === 274 || id === 276
          ? [
            { id: id * 10 + 1, title: null, description: 'Aanleg gestart', publicationDate: '2026-04-15' },
            { id: id * 10 + 2, title: null, description: 'Oplevering gepland', publicationDate: '2027-01-10' },
          ]
          : [],
      })),
      investment({
        id: 280, budgetId: 3, headingId: 11, title: 'Kunstgrasveld bij De Bonte Hoek', description: '<p>Een kunstgrasveld in Marsdijk.</p>',
        price: '95000', feasibility: 'feasible', cachedVotesUp: 31, authorId: 2, location: 'Marsdijk',
      }),
      investment({
        id: 281, budgetId: 3, headingId: 11, title: 'Overkapping van het Koopmansplein', description: '<p>Een glazen dak boven het plein.</p>',
        price: null, feasibility: 'unfeasible', cachedVotesUp: 12, authorId: 4,
      }),
      investment({
        id: 301, budgetId: 4, headingId: 12, title: 'Natuurspeelplaats in het Asserbos', description: '<p>Spelen met boomstammen, water en zand.</p>',
        price: '30000', feasibility: 'feasible', selected: true, cachedVotesUp: 210, authorId: 2, location: 'Asserbos',
      }),
      investment({
        id: 302, budgetId: 4, headingId: 12, title: 'Verlichting fietspad Peelo–Centrum', description: '<p>Slimme ledverlichting die alleen brandt als er iemand fietst.</p>',
        price: '48000', feasibility: 'feasible', selected: true, cachedVotesUp: 188, authorId: 1,
      }),
      investment({
        id: 303, budgetId: 4, headingId: 12, title: 'Moestuin bij buurthuis Lariks', description: '<p>Samen groenten kweken en koken.</p>',
        price: '9500', feasibility: 'feasible', selected: true, cachedVotesUp: 143, authorId: 3, location: 'Buurthuis Lariks',
      }),
      investment({
        id: 304, budgetId: 4, headingId: 12, title: 'Buitenbioscoop op de Markt', description: '<p>Vier filmavonden per zomer.</p>',
        price: '15000', feasibility: 'feasible', cachedVotesUp: 40, authorId: 5,
      }),
      investment({
        id: 305, budgetId: 4, headingId: 12, title: 'Tunnel onder de Europaweg', description: '<p>Een fietstunnel bij de Pelikaanstraat.</p>',
        price: null, feasibility: 'unfeasible', cachedVotesUp: 75, authorId: 1,
      }),
      investment({
        id: 306, budgetId: 4, headingId: 12, title: 'Bloemenlint door Pittelo', description: '<p>Inheemse bloemen in alle bermen.</p>',
        price: null, feasibility: 'undecided', cachedVotesUp: 18, authorId: 3,
      }),
      investment({
        id: 307, budgetId: 4, headingId: 12, title: 'Watertappunt bij station Assen', description: '<p>Gratis kraanwater voor reizigers.</p>',
        price: '7000', feasibility: 'feasible', selected: true, cachedVotesUp: 97, authorId: 2, location: 'Stationsplein',
      }),
    ],
  };
}
