import type { SearchDocument } from '../documents';
import { postingsEngines } from '../engine/postingsEngine';
import { queryWords } from '../text/analyse';
import { joinCompound, splitCompound } from '../text/compounds';

const known = (...terms: string[]) => {
  const set = new Set(terms);
  return (t: string) => set.has(t);
};

describe('Dutch compounds', () => {
  it.each([
    ['fietsenstalling', ['fietsen', 'stalling'], ['fietsen', 'stalling']],
    ['fietsenstalling', ['fiets', 'stalling'], ['fiets', 'stalling']],
    ['ontmoetingsplek', ['ontmoeting', 'plek'], ['ontmoeting', 'plek']],
    ['hondenuitlaatplaats', ['honden', 'uitlaat', 'plaats'], ['honden', 'uitlaat', 'plaats']],
    ['zonnepanelen', ['zon', 'panelen'], ['zon', 'panelen']],
  ])('splits %s at its hyphenation points into parts the index knows (%j)', (word, vocabulary, parts) => {
    expect(splitCompound(word, known(...vocabulary))).toEqual(parts);
  });

  it('does not split where Dutch hyphenation does not break, nor into unknown parts', () => {
    // par-ke-ren: "park" + "eren" are both words, but not a break.
    expect(splitCompound('parkeren', known('park', 'eren'))).toBeNull();
    expect(splitCompound('fietsenstalling', known('fietsen'))).toBeNull();
    expect(splitCompound('bomen', known('bo', 'men'))).toBeNull();
  });

  it.each([
    ['fiets', 'stalling', 'fietsenstalling'],
    ['fiets', 'pad', 'fietspad'],
    ['ontmoeting', 'plek', 'ontmoetingsplek'],
    ['zon', 'panelen', 'zonnepanelen'],
  ])('joins %s + %s into %s when the index has it', (a, b, compound) => {
    expect(joinCompound(a, b, known(compound))).toBe(compound);
    expect(joinCompound(a, b, known())).toBeNull();
  });

  const doc = (id: string, title: string): SearchDocument => ({
    id,
    kind: 'PROPOSAL',
    municipalityCode: 'GM0363',
    provinceCode: 'PV27',
    platform: 'OPENSTAD',
    status: 'OPEN',
    tags: [],
    date: null,
    support: null,
    latitude: 52.37,
    longitude: 4.9,
    texts: [{ field: 'TITLE', locale: 'nl', text: title }],
  });
  const engine = postingsEngines.create();
  engine.upsert([
    doc('together', 'Overdekte fietsenstalling bij het station'),
    doc('apart', 'Een stalling voor fietsen bij de markt'),
    doc('fiets', 'Fiets gestolen bij de brug'),
    doc('other', 'Nieuwe speeltuin in het park'),
  ]);
  const ids = (q: string) =>
    engine
      .search({ words: queryWords(q), criteria: {}, order: 'RELEVANCE', after: null, limit: 10, facets: false })
      .hits.map((h) => h.id);

  it('finds "fietsenstalling" for "fiets stalling", and both forms for "fietsenstalling", the compound first', () => {
    expect(ids('fiets stalling')).toEqual(expect.arrayContaining(['together', 'apart']));
    expect(ids('fiets stalling')).not.toContain('fiets');
    expect(ids('fietsenstalling')).toEqual(['together', 'apart']);
  });
});
