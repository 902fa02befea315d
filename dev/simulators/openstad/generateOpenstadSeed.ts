/**
 * A large invented seed for benchmarks: one idea-collection project with `n` resources built from Dutch
 * civic subjects × real Dutch neighbourhood names. Deterministic (no randomness) and fast (10,000 in a few ms).
 */
import type { OpenstadSeed, OpenstadSeedResource } from './seedTypes';

const SUBJECTS = [
  ['Fietsenstalling', 'Verkeer', 'Meer plekken om fietsen veilig te stallen'],
  ['Speeltuin opknappen', 'Spelen', 'Nieuwe toestellen en een veilige ondergrond'],
  ['Meer groen', 'Groen', 'Tegels eruit en bomen, struiken en bloemen erin'],
  ['Bankjes', 'Ontmoeten', 'Rustpunten voor ouderen en wandelaars'],
  ['Veilige oversteek', 'Verkeer', 'Een zebrapad en drempels bij de school'],
  ['Buurthuis langer open', 'Ontmoeten', 'Ook op zaterdag en in de avond'],
  ['Watertappunt', 'Groen', 'Gratis drinkwater voor sporters en spelende kinderen'],
  ['Extra afvalbakken', 'Schoon en heel', 'Minder zwerfafval op straat en in het park'],
  ['Moestuin', 'Groen', 'Samen groente kweken op een braakliggend veld'],
  ['Betere verlichting', 'Veiligheid', 'Het fietspad is in de winter te donker'],
] as const;

const PLACES = [
  ['Dapperbuurt', 52.3631, 4.9271],
  ['Transvaalbuurt', 52.3535, 4.9237],
  ['Indische Buurt', 52.3629, 4.9393],
  ['Oosterparkbuurt', 52.3557, 4.9135],
  ['Duinoord', 52.084, 4.2918],
  ['Zeeheldenkwartier', 52.0857, 4.2962],
  ['Schilderswijk', 52.0703, 4.3063],
  ['Bezuidenhout', 52.087, 4.33],
  ['Lombok', 52.0918, 5.1015],
  ['Kralingen', 51.9275, 4.508],
] as const;

const STATUS_NAMES = ['Deze inzending is door naar de stemronde', 'Deze inzending wordt uitgevoerd', 'Afgewezen'];

/** `n` proposals in one `likes` project (id 1, votes public), ids 1…n. */
export function generateOpenstadSeed(n: number): OpenstadSeed {
  const resources: OpenstadSeedResource[] = new Array(n);
  const t0 = Date.parse('2024-01-01T08:00:00.000Z');
  for (let i = 0; i < n; i++) {
    const [subject, theme, summary] = SUBJECTS[i % SUBJECTS.length]!;
    const [place, lat, lng] = PLACES[Math.floor(i / SUBJECTS.length) % PLACES.length]!;
    const created = new Date(t0 + i * 17 * 60_000).toISOString();
    resources[i] = {
      id: i + 1,
      title: `${subject} in ${place}`,
      summary: `${summary}.`,
      description: `<p>${summary} in ${place}. Voorstel nummer ${i + 1}.</p>`,
      yes: (i * 37) % 251,
      no: (i * 11) % 23,
      tags: [theme, place],
      ...(i % 7 !== 0 && { location: { lat: lat + ((i % 13) - 6) / 2000, lng: lng + ((i % 17) - 8) / 2000 } }),
      ...(i % 5 === 0 && { images: [`/image/voorstel-${i + 1}.jpg`] }),
      ...(i % 4 === 0 && { statuses: [STATUS_NAMES[(i / 4) % STATUS_NAMES.length]!] }),
      commentCount: i % 9,
      createdAt: created,
      updatedAt: created,
    };
  }
  const places = PLACES.map(([name], k) => ({ id: 900 + k, name, type: 'area' }));
  return {
    note: 'Generated invented data for benchmarks; not harvested from any installation.',
    projects: [
      {
        id: 1,
        name: 'ideeen',
        title: 'Ideeën voor de stad',
        config: { votes: { voteType: 'likes', isViewable: true } },
        tags: places,
        resources,
      },
    ],
  };
}
