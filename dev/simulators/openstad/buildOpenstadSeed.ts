/**
 * The built-in seeds: one OpenStad installation per municipality, each with an idea-collection project and
 * a budgeting project. All of it is INVENTED example data (plausible Dutch civic content with real street
 * and neighbourhood names); nothing was harvested from a real installation. Ids match dev/fixtures/sandbox.json.
 */
import type { OpenstadSeed, OpenstadSeedStatus } from './seedTypes';

export type OpenstadSeedMunicipality = 'GM0363' | 'GM0518';

/** The two default statuses the reference names (openstad.md §2.6), plus invented ones, ids from `first`. */
function statuses(first: number): OpenstadSeedStatus[] {
  return [
    { id: first, name: 'Deze inzending is door naar de stemronde', label: 'Door naar stemronde', seqnr: 10 },
    { id: first + 1, name: 'Deze inzending wordt uitgevoerd', label: 'Wordt uitgevoerd', seqnr: 20 },
    { id: first + 2, name: 'In behandeling', label: 'In behandeling', seqnr: 30 },
    { id: first + 3, name: 'Afgewezen', label: 'Afgewezen', seqnr: 40, canLike: false },
    { id: first + 4, name: 'Gesloten', label: null, seqnr: 50, canLike: false },
    { id: first + 5, name: 'Gerealiseerd', label: 'Gerealiseerd', seqnr: 60, canLike: false },
  ];
}

const p = (...paragraphs: string[]) => paragraphs.map((x) => `<p>${x}</p>`).join('');

/** The invented seed of Amsterdam (GM0363) or 's-Gravenhage (GM0518). */
export function buildOpenstadSeed(municipality: OpenstadSeedMunicipality): OpenstadSeed {
  return municipality === 'GM0363' ? amsterdam() : denHaag();
}

function amsterdam(): OpenstadSeed {
  return {
    note: 'Invented example data (Amsterdam); not harvested from any installation.',
    projects: [
      {
        id: 12,
        name: 'ideeen-voor-oost',
        title: 'Ideeën voor Amsterdam-Oost',
        createdAt: '2025-02-01T09:00:00.000Z',
        config: { votes: { voteType: 'likes', isViewable: true, isActive: true } },
        tags: [
          { id: 101, name: 'Verkeer en fietsen', type: 'theme' },
          { id: 102, name: 'Groen', type: 'theme' },
          { id: 103, name: 'Spelen', type: 'theme' },
          { id: 104, name: 'Ontmoeten', type: 'theme' },
          { id: 105, name: 'Dapperbuurt', type: 'area' },
          { id: 106, name: 'Oosterparkbuurt', type: 'area' },
          { id: 107, name: 'Transvaalbuurt', type: 'area' },
          { id: 108, name: 'Indische Buurt', type: 'area' },
          { id: 109, name: 'Watergraafsmeer', type: 'area' },
        ],
        statuses: statuses(121),
        resources: [
          { id: 1201, title: 'Overdekte fietsenstalling bij de Dappermarkt', summary: 'Op marktdagen staan fietsen overal; een overdekte stalling lost dat op.', description: p('Rond de Dappermarkt staan de stoepen vol fietsen.', 'Wij stellen een <strong>overdekte stalling</strong> voor met 200 plekken aan het Dapperplein.'), yes: 214, no: 12, statuses: ['Deze inzending is door naar de stemronde'], tags: ['Verkeer en fietsen', 'Dapperbuurt'], location: { lat: 52.3631, lng: 4.9271 }, images: ['/image/dappermarkt-fietsen.jpg'], commentCount: 18, legacyStatus: 'ACCEPTED' },
          { id: 1202, title: 'Tegels eruit, groen erin in de Tweede Oosterparkstraat', summary: 'Geveltuinen en boomspiegels met bloemen.', description: p('Minder steen, meer planten: wij willen tegels wippen en geveltuinen aanleggen.'), yes: 156, no: 4, statuses: ['Deze inzending wordt uitgevoerd'], tags: ['Groen', 'Oosterparkbuurt'], location: { lat: 52.3557, lng: 4.9135 }, images: [{ url: '/image/oosterpark-groen.jpg', alt: 'Geveltuinen in de Tweede Oosterparkstraat' }], commentCount: 9, legacyStatus: 'BUSY' },
          { id: 1203, title: 'Speeltuin Transvaalbuurt opknappen', summary: 'De speeltoestellen zijn versleten en de zandbak is dicht.', description: p('Kinderen uit de Transvaalbuurt hebben een veilige speeltuin nodig.'), yes: 98, no: 2, statuses: ['In behandeling'], tags: ['Spelen', 'Transvaalbuurt'], location: { lat: 52.3535, lng: 4.9237 }, commentCount: 5 },
          { id: 1204, title: 'Bankjes langs de Ringvaart', summary: 'Rustpunten voor wandelaars langs de Watergraafsmeer.', description: p('Wie langs de Ringvaart wandelt kan nergens zitten. Zet er om de 300 meter een bankje.'), yes: 61, no: 3, tags: ['Ontmoeten', 'Watergraafsmeer'], location: { lat: 52.3489, lng: 4.9447 }, commentCount: 2 },
          { id: 1205, title: '30 km/u in de Javastraat', summary: 'Veiliger oversteken in een drukke winkelstraat.', description: p('De Javastraat is druk met fietsers en voetgangers. Maak er een 30 km-zone van.'), yes: 77, no: 41, statuses: ['Afgewezen'], tags: ['Verkeer en fietsen', 'Indische Buurt'], location: { lat: 52.3629, lng: 4.9393 }, commentCount: 23, legacyStatus: 'DENIED' },
          { id: 1206, title: 'Buurthuis ook op zaterdag open', summary: 'Een plek om elkaar te ontmoeten in het weekend.', description: p('Het buurthuis is in het weekend dicht. Met vrijwilligers kan het op zaterdag open.'), yes: 45, no: 6, statuses: ['Gesloten'], tags: ['Ontmoeten', 'Dapperbuurt'], commentCount: 4, legacyStatus: 'CLOSED' },
          { id: 1207, title: 'Watertappunt in het Flevopark', summary: 'Gratis water voor sporters en wandelaars &amp; hun honden.', description: p('Een watertappunt bij de ingang aan de Valentijnkade.'), yes: 132, no: 1, statuses: ['Gerealiseerd'], tags: ['Groen', 'Watergraafsmeer'], location: { lat: 52.3604, lng: 4.9495 }, images: ['/image/flevopark-water.jpg'], commentCount: 7, legacyStatus: 'DONE' },
          // A concept (no publishDate) and a deleted resource: neither is visible anonymously (openstad.md §2.5).
          { id: 1208, title: 'Concept: hondenuitlaatplek Oosterpark', publishDate: null, tags: ['Groen'] },
          { id: 1209, title: 'Verwijderd: extra prullenbakken', deletedAt: '2025-04-01T10:00:00.000Z' },
        ],
      },
      {
        id: 14,
        name: 'buurtbudget-oosterparkbuurt',
        title: 'Buurtbudget Oosterparkbuurt 2025',
        createdAt: '2025-05-20T10:04:37.000Z',
        config: {
          votes: { voteType: 'count', isViewable: true, isActive: false, minResources: 1, maxResources: 3 },
          project: { endDate: '2025-10-05T22:00:00.000Z', projectHasEnded: true },
        },
        tags: [
          { id: 141, name: 'Groen', type: 'theme' },
          { id: 142, name: 'Spelen', type: 'theme' },
          { id: 143, name: 'Samen', type: 'theme' },
          { id: 144, name: 'Oosterparkbuurt', type: 'area' },
        ],
        statuses: [
          { id: 151, name: 'Deze inzending wordt uitgevoerd', label: 'Gekozen', seqnr: 10 },
          { id: 152, name: 'Niet gekozen', label: null, seqnr: 20 },
        ],
        voterCount: 1168,
        resources: [
          { id: 301, title: 'Moestuinbakken op het Oosterpark-plein', description: p('Zes moestuinbakken voor bewoners, onderhouden door de buurt.'), budget: 6500, yes: 612, statuses: ['Deze inzending wordt uitgevoerd'], tags: ['Groen', 'Oosterparkbuurt'], originalId: 1202, legacyStatus: 'ACCEPTED' },
          { id: 302, title: 'Pannakooi bij de Beukenweg', description: p('Een kleine voetbalkooi voor de oudere kinderen.'), budget: 18000, yes: 540, statuses: ['Deze inzending wordt uitgevoerd'], tags: ['Spelen', 'Oosterparkbuurt'], legacyStatus: 'ACCEPTED' },
          { id: 303, title: 'Buurtmaaltijd elke maand', description: p('Samen koken en eten in het buurthuis.'), budget: 4000, yes: 488, statuses: ['Deze inzending wordt uitgevoerd'], tags: ['Samen'], legacyStatus: 'ACCEPTED' },
          { id: 304, title: 'Bloembakken aan de lantaarnpalen', description: p('Hangende bloembakken in de Eerste Oosterparkstraat.'), budget: 3500, yes: 301, statuses: ['Niet gekozen'], tags: ['Groen'], legacyStatus: 'DENIED' },
          { id: 305, title: 'Schaaktafels in het Oosterpark', description: p('Twee betonnen schaaktafels bij de vijver.'), budget: 5000, yes: 257, statuses: ['Niet gekozen'], tags: ['Samen'], legacyStatus: 'DENIED' },
        ],
      },
    ],
  };
}

function denHaag(): OpenstadSeed {
  return {
    note: "Invented example data ('s-Gravenhage); not harvested from any installation.",
    projects: [
      {
        id: 6,
        name: 'ideeen-segbroek',
        title: 'Ideeën voor Segbroek en omgeving',
        createdAt: '2026-04-01T08:00:00.000Z',
        config: { votes: { voteType: 'likes', isViewable: true, isActive: false } },
        tags: [
          { id: 61, name: 'Groen en duurzaamheid', type: 'theme' },
          { id: 62, name: 'Verkeer', type: 'theme' },
          { id: 63, name: 'Spelen', type: 'theme' },
          { id: 64, name: 'Schoon en heel', type: 'theme' },
          { id: 65, name: 'Duinoord', type: 'area' },
          { id: 66, name: 'Zeeheldenkwartier', type: 'area' },
          { id: 67, name: 'Schilderswijk', type: 'area' },
          { id: 68, name: 'Bezuidenhout', type: 'area' },
          { id: 69, name: 'Scheveningen', type: 'area' },
        ],
        statuses: statuses(21),
        resources: [
          { id: 388, title: 'Geveltuintjes in de Reinkenstraat', summary: 'Meer bloemen voor bijen &amp; vlinders in de Reinkenstraat.', description: p('We willen langs de gevels van de Reinkenstraat smalle tuintjes aanleggen met <strong>meerjarige</strong> planten.', 'Bewoners nemen het onderhoud op zich; de gemeente haalt de tegels weg en levert aarde.'), yes: 132, no: 6, statuses: ['Deze inzending is door naar de stemronde'], tags: ['Groen en duurzaamheid', 'Duinoord'], location: { lat: 52.08402, lng: 4.29187 }, images: [{ url: '/image/7f3a0c12be.jpg', alt: 'Reinkenstraat met een paar bestaande geveltuinen' }], commentCount: 11, createdAt: '2026-05-03T09:12:00.000Z', publishDate: '2026-05-04T08:00:00.000Z', updatedAt: '2026-09-10T14:02:38.000Z', legacyStatus: 'ACCEPTED' },
          { id: 389, title: 'Fietsenrekken in de Obrechtstraat', summary: 'Fietsen staan nu tegen gevels en bomen.', description: p('Plaats fietsenrekken op de hoek met de Sweelinckstraat.'), yes: 97, no: 8, statuses: ['Deze inzending is door naar de stemronde'], tags: ['Verkeer', 'Duinoord'], location: { lat: 52.0832, lng: 4.2887 }, commentCount: 6, legacyStatus: 'ACCEPTED' },
          { id: 390, title: 'Zonnepanelen op het buurthuis', summary: 'Het dak van het buurthuis is groot en ligt op het zuiden.', description: p('Laat het buurthuis zijn eigen stroom opwekken.'), yes: 54, no: 19, statuses: ['Afgewezen'], tags: ['Groen en duurzaamheid', 'Zeeheldenkwartier'], commentCount: 14, legacyStatus: 'DENIED' },
          { id: 391, title: 'Speeltuin in het Zeeheldenkwartier', summary: 'Er is geen speelplek tussen de Piet Heinstraat en de Zoutmanstraat.', description: p('Maak van het braakliggende hoekje aan de Tasmanstraat een kleine speeltuin.'), yes: 88, no: 3, statuses: ['In behandeling'], tags: ['Spelen', 'Zeeheldenkwartier'], location: { lat: 52.0857, lng: 4.2962 }, commentCount: 8 },
          { id: 392, title: 'Meer afvalbakken op de boulevard', summary: "In de zomer liggen de bakken op de boulevard binnen een uur vol.", description: p('Zet extra afvalbakken neer tussen de Pier en het Zwarte Pad.'), yes: 143, no: 12, tags: ['Schoon en heel', 'Scheveningen'], location: { lat: 52.1112, lng: 4.2806 }, images: ['/image/boulevard-afval.jpg'], commentCount: 21 },
          { id: 393, title: 'Speelstraat in de Schilderswijk', summary: 'Op woensdagmiddag de straat dicht voor auto\'s.', description: p('Kinderen kunnen dan veilig buiten spelen in de Hoefkade-buurt.'), yes: 76, no: 22, statuses: ['Deze inzending wordt uitgevoerd'], tags: ['Spelen', 'Verkeer', 'Schilderswijk'], location: { lat: 52.0703, lng: 4.3063 }, commentCount: 12, legacyStatus: 'BUSY' },
          { id: 394, title: 'Buurtmoestuin in Bezuidenhout', summary: 'Samen groente kweken op het grasveld aan de Juliana van Stolberglaan.', description: p('Bewoners willen een moestuin beginnen; de gemeente hoeft alleen het veld beschikbaar te stellen.'), yes: 64, no: 2, tags: ['Groen en duurzaamheid', 'Bezuidenhout'], location: { lat: 52.0870, lng: 4.3300 }, commentCount: 3 },
        ],
      },
      {
        id: 7,
        name: 'duinoord-begroot',
        title: 'Duinoord Begroot',
        createdAt: '2026-08-15T10:00:00.000Z',
        config: {
          votes: { voteType: 'budgeting', isViewable: true, isActive: true, minBudget: 1, maxBudget: 30000 },
          project: { endDate: '2026-11-30T23:00:00.000Z', projectHasEnded: false },
        },
        tags: [
          { id: 71, name: 'Groen en duurzaamheid', type: 'theme' },
          { id: 72, name: 'Verkeer', type: 'theme' },
          { id: 73, name: 'Spelen', type: 'theme' },
          { id: 74, name: 'Samen in de buurt', type: 'theme' },
          { id: 75, name: 'Duinoord', type: 'area' },
        ],
        statuses: statuses(31),
        voterCount: 412,
        resources: [
          { id: 412, title: 'Geveltuintjes in de Reinkenstraat', summary: 'Tuintjes langs de gevels.', description: p('Tegels eruit, planten erin, onderhoud door bewoners.'), budget: 4500, yes: 87, tags: ['Groen en duurzaamheid', 'Duinoord'], originalId: 388, location: { lat: 52.08402, lng: 4.29187 }, images: ['/image/7f3a0c12be.jpg'] },
          { id: 413, title: 'Nieuwe bankjes op het Sweelinckplein', description: p('Vier bankjes rond de speelplek, met leuning voor ouderen.'), budget: 7800, yes: 143, tags: ['Samen in de buurt', 'Duinoord'], location: { lat: 52.0822, lng: 4.2905 } },
          { id: 414, title: 'Watertappunt bij het trapveldje', description: p('Drinkwater voor kinderen die op het trapveldje spelen.'), budget: 3200, yes: 61, tags: ['Spelen', 'Duinoord'] },
          { id: 415, title: 'Buurtfeest en opschoondag', description: p('Eén dag samen de buurt opruimen, daarna een feest op het plein.'), budget: 2500, yes: 104, tags: ['Samen in de buurt'] },
          { id: 416, title: 'Groen schoolplein voor de basisschool', description: p('Het schoolplein aan de Conradkade krijgt bomen, gras en een waterpomp.'), budget: 9000, yes: 129, tags: ['Groen en duurzaamheid', 'Spelen'], location: { lat: 52.0848, lng: 4.2851 } },
          { id: 417, title: 'Fietsenrekken in de Obrechtstraat', description: p('Dertig nieuwe fietsnietjes op de hoek met de Sweelinckstraat.'), budget: 12500, yes: 72, tags: ['Verkeer', 'Duinoord'], originalId: 389 },
          { id: 418, title: 'Ledverlichting langs de Conradkade', description: p('Het fietspad langs de kade is in de winter te donker.'), budget: 6000, yes: 48, tags: ['Verkeer'] },
          { id: 419, title: 'Boekenruilkast bij de Elandstraat', description: p('Een weerbestendige kast waar bewoners boeken ruilen.'), budget: 900, yes: 95, tags: ['Samen in de buurt'] },
        ],
      },
    ],
  };
}
