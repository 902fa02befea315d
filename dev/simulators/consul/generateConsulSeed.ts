import { buildConsulSeed } from './buildConsulSeed';
import type { ConsulProposal, ConsulSeed } from './seedTypes';

const SUBJECTS = [
  ['Fietsenstalling', 'Verkeer'],
  ['Speeltuin', 'Spelen'],
  ['Meer groen', 'Groen'],
  ['Bankjes', 'Groen'],
  ['Verkeersdrempels', 'Verkeer'],
  ['Buurthuis', 'Welzijn'],
  ['Wadi', 'Duurzaamheid'],
  ['Zebrapad', 'Verkeer'],
  ['Moestuin', 'Welzijn'],
  ['Laadpalen', 'Duurzaamheid'],
  ['Hondenveld', 'Groen'],
  ['Skatebaan', 'Spelen'],
] as const;
const RETIRE = ['duplicated', 'started', 'unfeasible', 'done', 'other'] as const;

/**
 * A seed of Assen's installation with `n` generated proposals instead of the hand-written ones, for
 * benchmarks (e.g. 10,000 proposals = 400 pages of 25). Deterministic and fast (no randomness): every
 * 23rd proposal is retired, every 50th has many supports, one in four has no geozone. Budgets as in
 * `buildConsulSeed('GM0106')`. Invented data.
 */
export function generateConsulSeed(n: number, municipality = 'GM0106'): ConsulSeed {
  const base = buildConsulSeed(municipality);
  const categories = base.tags.filter((t) => t.kind === 'category');
  const proposals: ConsulProposal[] = new Array(n);
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const [subject, category] = SUBJECTS[i % SUBJECTS.length]!;
    const zone = base.geozones[i % base.geozones.length]!;
    const tag = categories.find((t) => t.name === category) ?? categories[0];
    const retired = i % 23 === 22;
    const title = `${subject} in ${zone.name} (${i + 1})`;
    // Spread over 2024-01 … 2026-09, an hour apart modulo the span, so none lies in the future.
    const created = start + ((i * 7) % 24_000) * 3_600_000;
    proposals[i] = {
      id: 1000 + i,
      title: { nl: title },
      summary: { nl: `Voorstel ${i + 1}: ${subject.toLowerCase()} voor de buurt ${zone.name}.` },
      description: { nl: `<p>${title}. Inwoners vragen de gemeente om actie.</p>` },
      createdAt: new Date(created).toISOString(),
      cachedVotesUp: i % 50 === 0 ? 12_000 + i : (i * 37) % 900,
      commentsCount: i % 13,
      retiredAt: retired ? new Date(created + 86_400_000 * 30).toISOString() : null,
      retiredReason: retired ? RETIRE[i % RETIRE.length]! : null,
      retiredExplanation: retired ? { nl: 'Teruggetrokken door de indiener.' } : null,
      videoUrl: null,
      geozoneId: i % 4 === 3 ? null : zone.id,
      authorId: base.users[i % base.users.length]!.id,
      tagIds: tag ? [tag.id] : [],
    };
  }
  return { ...base, proposals };
}
