/**
 * A large invented seed for benchmarks: one process with one Proposals component holding `n` proposals,
 * built from combinations of Dutch civic subjects and Rotterdam neighbourhoods. Fast (no I/O, no
 * randomness: the same `n` always gives the same seed).
 */
import { buildDecidimSeed } from './buildDecidimSeed';
import type { DecidimSeed, SeedProposal } from './seedTypes';

const SUBJECTS: [string, string][] = [
  ['Fietsenstalling', 'Er is te weinig plek om fietsen te stallen.'],
  ['Speeltuin', 'De speeltoestellen zijn verouderd en onveilig.'],
  ['Meer groen', 'Meer bomen en plantvakken maken de straat koeler.'],
  ['Bankjes', 'Ouderen willen onderweg kunnen uitrusten.'],
  ['Verkeersveiligheid', 'Er wordt te hard gereden langs de school.'],
  ['Buurthuis', 'Het buurthuis heeft een opknapbeurt nodig.'],
  ['Straatverlichting', "Het is hier 's avonds te donker."],
  ['Afvalbakken', 'Er ligt veel zwerfafval rond het plein.'],
];
const PLACES = [
  'Spangen',
  'Bospolder',
  'Tussendijken',
  'het Oude Westen',
  'Cool',
  'Kralingen-West',
  'Crooswijk',
  'het Oude Noorden',
  'Blijdorp',
  'Hillesluis',
  'Bloemhof',
  'Katendrecht',
  'Tarwewijk',
  'Carnisse',
  'Ommoord',
  'Prins Alexander',
];
const STATES: (string | null)[] = [null, null, null, 'evaluating', 'accepted', 'rejected', 'not_answered', null];

/** A seed with `n` generated proposals (ids from 100001) under the invented Rotterdam organization. */
export function generateDecidimSeed(n: number, baseUrl = 'http://127.0.0.1'): DecidimSeed {
  const seed = buildDecidimSeed('GM0599', baseUrl);
  const process = seed.processes[0]!;
  const component = process.components[0]!;
  const areas = seed.scopes;
  const start = Date.parse('2024-01-01T08:00:00.000Z');
  const proposals: SeedProposal[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const [subject, reason] = SUBJECTS[i % SUBJECTS.length]!;
    const place = PLACES[Math.floor(i / SUBJECTS.length) % PLACES.length]!;
    const id = String(100_001 + i);
    const createdAt = new Date(start + i * 3_600_000).toISOString();
    const area = areas[i % areas.length]!;
    proposals[i] = {
      id,
      reference: `GM0599-PROP-${createdAt.slice(0, 7)}-${id}`,
      title: [{ locale: 'nl', text: `${subject} in ${place} (${i + 1})` }],
      body: [{ locale: 'nl', text: `<p>${reason} Voorstel nummer ${i + 1} voor ${place}.</p>` }],
      answer: null,
      state: STATES[i % STATES.length]!,
      withdrawnAt: i % 97 === 0 ? createdAt : null,
      hidden: false,
      publishedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
      answeredAt: null,
      official: false,
      voteCount: (i * 37) % 400,
      endorsementsCount: i % 13,
      commentsCount: i % 7,
      address: null,
      latitude: null,
      longitude: null,
      categoryId: process.categories[i % process.categories.length]!.id,
      scopeId: area.id,
      taxonomyIds: [seed.taxonomies[2 + (i % 4)]!.id],
      authorName: 'Bewoner',
    };
  }
  component.proposals = proposals;
  return seed;
}
