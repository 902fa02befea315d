/**
 * Generated search items for the benchmarks (scripts/bench-search.ts, scripts/bench-coldstart.ts): Dutch
 * proposals and budget projects across the 342 municipalities, from a seeded random stream, each with a
 * label saying what it is about (for judging relevance).
 */
import { type BudgetProject, PLATFORMS, type Proposal, type ProposalStatus } from '../services/core/model';
import { loadMunicipalities } from '../services/core/registry';
import {
  municipalityDirectory,
  projectDocument,
  proposalDocument,
  type SearchDocument,
} from '../services/search/documents';

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const rand = rng(42);
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const THEMES = [
  'Groen',
  'Verkeer',
  'Spelen',
  'Sport',
  'Cultuur',
  'Duurzaamheid',
  'Veiligheid',
  'Zorg',
  'Onderwijs',
  'Wonen',
  'Horeca',
  'Water',
];
export const THINGS: [string, string, string][] = [
  ['speeltuin', 'Spelen', 'playground'],
  ['fietsenstalling', 'Verkeer', 'bicycle parking'],
  ['zebrapad', 'Verkeer', 'pedestrian crossing'],
  ['moestuin', 'Groen', 'vegetable garden'],
  ['bomenrij', 'Groen', 'row of trees'],
  ['geveltuinen', 'Groen', 'facade gardens'],
  ['bankjes', 'Groen', 'benches'],
  ['laadpalen', 'Duurzaamheid', 'charging points'],
  ['zonnepanelen', 'Duurzaamheid', 'solar panels'],
  ['straatverlichting', 'Veiligheid', 'street lighting'],
  ['trapveldje', 'Sport', 'football pitch'],
  ['skatebaan', 'Sport', 'skate park'],
  ['buurthuis', 'Cultuur', 'community centre'],
  ['bibliotheek', 'Cultuur', 'library'],
  ['watertappunt', 'Water', 'drinking fountain'],
  ['hondenuitlaatplaats', 'Groen', 'dog walking area'],
  ['parkeerplaatsen', 'Verkeer', 'parking spaces'],
  ['fietspad', 'Verkeer', 'cycle path'],
  ['schoolplein', 'Onderwijs', 'schoolyard'],
  ['terras', 'Horeca', 'terrace'],
  ['café', 'Horeca', 'café'],
  ['wadi', 'Water', 'rain garden'],
  ['ontmoetingsplek', 'Zorg', 'meeting place'],
  ['jongerencentrum', 'Cultuur', 'youth centre'],
  ['kunstwerk', 'Cultuur', 'artwork'],
];
export const VERBS = ['Nieuwe', 'Meer', 'Betere', 'Veilige', 'Groene', 'Grotere', 'Overdekte', 'Extra'];
export const PLACES = [
  'bij het station',
  'in het park',
  'op het plein',
  'aan de kade',
  'bij de school',
  'in de wijk',
  'langs de dijk',
  'bij het winkelcentrum',
  'in het centrum',
  'aan de rand van het dorp',
];
const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Molenweg',
  'Stationsweg',
  'Schoolstraat',
  'Julianalaan',
  'Wilhelminastraat',
  'Beatrixlaan',
  'Hoofdstraat',
  'Markt',
];
const FILL = [
  'Buurtbewoners',
  'willen',
  'graag',
  'dat',
  'de',
  'gemeente',
  'zorgt',
  'voor',
  'een',
  'prettige',
  'leefomgeving',
  'waar',
  'kinderen',
  'veilig',
  'kunnen',
  'spelen',
  'en',
  'ouderen',
  'elkaar',
  'ontmoeten',
  'Dit',
  'voorstel',
  'kost',
  'weinig',
  'en',
  'levert',
  'veel',
  'op',
  'voor',
  'iedereen',
  'in',
  'de',
  'buurt',
  'ook',
  'voor',
  'ondernemers',
  'en',
  'bezoekers',
];
const STATUSES: ProposalStatus[] = [
  'OPEN',
  'OPEN',
  'OPEN',
  'UNDER_REVIEW',
  'SHORTLISTED',
  'ACCEPTED',
  'REJECTED',
  'IN_PROGRESS',
  'COMPLETED',
  'CLOSED',
];

export const municipalities = loadMunicipalities();
const directory = municipalityDirectory(municipalities);
const sentence = (n: number) => Array.from({ length: n }, () => pick(FILL)).join(' ');
const iso = (ms: number) => new Date(ms).toISOString();
const START = Date.UTC(2018, 0, 1);
const SPAN = Date.UTC(2026, 0, 1) - START;

/** What a generated item is about, for judging relevance: indexes into THINGS, VERBS and PLACES. */
export interface Label {
  thing: number;
  verb: number;
  /** PLACES.length: "bij de veerpont", the place of the items whose compound is written apart. */
  place: number;
  en: boolean;
}
/** Every 25th bicycle-parking item says it apart ("stalling voor fietsen"), so that compounds are measured both ways. */
const APART = 'stalling voor fietsen bij de veerpont';
const index = (xs: readonly unknown[]) => Math.floor(rand() * xs.length);

export function generate(n: number): { docs: SearchDocument[]; labels: Label[] } {
  const docs: SearchDocument[] = [];
  const labels: Label[] = [];
  for (let i = 0; i < n; i++) {
    const m = pick(municipalities);
    const platform = PLATFORMS[m.code.charCodeAt(5) % PLATFORMS.length]!;
    const t = index(THINGS);
    const [thing, theme, english] = THINGS[t]!;
    const verb = index(VERBS);
    const place = index(PLACES);
    const apart = thing === 'fietsenstalling' && i % 25 === 0;
    const title = apart ? `${VERBS[verb]} ${APART}` : `${VERBS[verb]} ${thing} ${PLACES[place]}`;
    const label: Label = { thing: t, verb, place: apart ? PLACES.length : place, en: false };
    labels.push(label);
    const body = `${title} aan de ${pick(STREETS)}. ${sentence(25 + Math.floor(rand() * 60))}.`;
    const point =
      rand() < 0.5
        ? {
            latitude: m.centroid.latitude + (rand() - 0.5) * 0.08,
            longitude: m.centroid.longitude + (rand() - 0.5) * 0.12,
          }
        : null;
    const sourceId = `${m.code.toLowerCase()}-${platform.toLowerCase()}`;
    const provenance = {
      sourceId,
      platform,
      upstreamId: String(i),
      upstreamReference: null,
      harvestedAt: '2026-01-01T00:00:00.000Z',
    };
    const tags = [
      { name: theme, kind: 'THEME' as const },
      ...(rand() < 0.3 ? [{ name: pick(THEMES), kind: 'THEME' as const }] : []),
    ];
    if (i % 5 !== 4) {
      const created = iso(START + rand() * SPAN);
      const en = platform === 'DECIDIM' || rand() < 0.1;
      label.en = en;
      const p: Proposal = {
        id: `${sourceId}:proposal:${i}`,
        municipalityCode: m.code,
        title,
        summary: rand() < 0.3 ? sentence(12) : null,
        body: { html: '', text: body },
        locale: 'nl',
        translations: en
          ? [
              {
                locale: 'en',
                title: `More ${english} ${pick(['near the station', 'in the park', 'on the square'])}`,
                summary: null,
                body: { html: '', text: `Residents would like ${english} in their neighbourhood.` },
                machineTranslated: true,
              },
            ]
          : [],
        status: pick(STATUSES),
        platformStatus: null,
        supportCount: rand() < 0.15 ? null : Math.floor(rand() ** 3 * 2000),
        opposeCount: null,
        commentCount: null,
        createdAt: created,
        publishedAt: created,
        updatedAt: null,
        tags,
        area: null,
        location: point && { point, address: null },
        images: [],
        url: null,
        provenance,
        removedAt: null,
      };
      docs.push(proposalDocument(p, directory));
    } else {
      const p: BudgetProject = {
        id: `${sourceId}:project:${i}`,
        budgetId: `${sourceId}:budget:${i % 40}`,
        municipalityCode: m.code,
        position: i % 30,
        title,
        description: { html: '', text: body },
        cost: { amountMinor: Math.floor(rand() * 5_000_000), currency: 'EUR' },
        voteCount: rand() < 0.2 ? null : Math.floor(rand() * 500),
        selected: null,
        platformStatus: null,
        tags,
        location: point && { point, address: null },
        images: [],
        proposalId: null,
        url: null,
        provenance,
        removedAt: null,
      };
      docs.push(projectDocument(p, directory, iso(START + rand() * SPAN)));
    }
  }
  return { docs, labels };
}
