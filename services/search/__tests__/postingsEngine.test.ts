import type { SearchDocument } from '../documents';
import { miniSearchEngines } from '../engine/miniSearchEngine';
import { postingsEngines } from '../engine/postingsEngine';
import type { SearchEngine, SearchRequest } from '../engine/SearchEngine';
import { queryWords } from '../text/analyse';

const THINGS = ['Fietsenstalling', 'Speeltuin', 'Zebrapad', 'Bankjes', 'Laadpalen', 'Moestuin'];
const PLACES = ['bij het station', 'in het park', 'op het plein', 'aan de kade'];
const TOWNS = [
  ['GM0363', 'PV27'],
  ['GM0518', 'PV28'],
  ['GM0344', 'PV26'],
] as const;

const doc = (i: number, title = `${THINGS[i % 6]} ${PLACES[i % 4]}`): SearchDocument => ({
  id: `gm-openstad:proposal:${i}`,
  kind: i % 5 === 4 ? 'BUDGET_PROJECT' : 'PROPOSAL',
  municipalityCode: TOWNS[i % 3]![0],
  provinceCode: TOWNS[i % 3]![1],
  platform: (['CONSUL', 'DECIDIM', 'OPENSTAD'] as const)[i % 3]!,
  status: i % 5 === 4 ? null : (['OPEN', 'CLOSED'] as const)[i % 2]!,
  tags: i % 2 ? [{ key: 'groen', label: 'Groen' }] : [],
  date: i % 7 === 0 ? null : new Date(Date.UTC(2020 + (i % 5), i % 12, 1)).toISOString(),
  support: i % 4 === 0 ? null : i,
  latitude: 52 + (i % 10) / 100,
  longitude: 5 + (i % 10) / 100,
  texts: [
    { field: 'TITLE', locale: 'nl', text: title },
    { field: 'BODY', locale: 'nl', text: `Buurtbewoners willen ${title.toLowerCase()}, nummer ${i}.` },
    ...(i % 3 === 0 ? [{ field: 'TITLE' as const, locale: 'en', text: 'More bicycle parking near the station' }] : []),
  ],
});

const request = (query: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  words: queryWords(query),
  criteria: {},
  order: 'RELEVANCE',
  after: null,
  limit: 10,
  facets: true,
  ...more,
});

const QUERIES = ['fietsenstalling', 'speeltuin park', 'fiets', 'zebrapat', 'bicycle', 'bankjes kade', 'nummer'];
const answers = (engine: SearchEngine) =>
  QUERIES.flatMap((q) => [
    engine.search(request(q)),
    engine.search(request(q, { order: 'NEWEST', criteria: { provinces: ['PV27'], tags: ['groen'] } })),
  ]);

describe('the postings engine', () => {
  const docs = Array.from({ length: 300 }, (_, i) => doc(i));

  it('answers as MiniSearch did: same hits, scores, totals and facets', () => {
    const ours = postingsEngines.create();
    const theirs = miniSearchEngines.create();
    ours.upsert(docs);
    theirs.upsert(docs);
    const a = answers(ours);
    const b = answers(theirs);
    expect(a.map((r) => r.total)).toEqual(b.map((r) => r.total));
    expect(a.map((r) => r.hits.map((h) => [h.id, h.score.toFixed(9), h.highlights]))).toEqual(
      b.map((r) => r.hits.map((h) => [h.id, h.score.toFixed(9), h.highlights])),
    );
    expect(a.map((r) => r.facets)).toEqual(b.map((r) => r.facets));
  });

  it('restores from its snapshot to an engine that answers the same, and keeps taking updates', () => {
    const engine = postingsEngines.create();
    engine.upsert(docs);
    engine.remove([docs[5]!.id]);
    engine.upsert([doc(7, 'Watertappunt in het Vondelpark')]);
    const restored = postingsEngines.restore(engine.serialize());
    expect(restored.size).toBe(299);
    expect(answers(restored)).toEqual(answers(engine));
    expect(restored.has(docs[5]!.id)).toBe(false);
    expect(restored.search(request('watertappunt')).hits.map((h) => h.id)).toEqual([docs[7]!.id]);

    restored.upsert([doc(8, 'Drinkwaterpunt op de Dam'), doc(1000, 'Zebrapad bij de school')]);
    restored.remove([docs[9]!.id]);
    expect(restored.search(request('drinkwaterpunt')).hits.map((h) => h.id)).toEqual([docs[8]!.id]);
    expect(restored.search(request('zebrapad school')).hits.map((h) => h.id)).toEqual([doc(1000).id]);
    expect(restored.has(docs[9]!.id)).toBe(false);
    // A snapshot of a restored and updated engine restores too.
    const again = postingsEngines.restore(restored.serialize());
    expect(answers(again)).toEqual(answers(restored));
  });

  it('compacts after many removals without changing answers', () => {
    const many = Array.from({ length: 3000 }, (_, i) => doc(i));
    const engine = postingsEngines.create();
    engine.upsert(many);
    const removed = many.filter((_, i) => i % 2 === 1).map((d) => d.id);
    engine.remove(removed);
    const fresh = postingsEngines.create();
    fresh.upsert(many.filter((_, i) => i % 2 === 0));
    expect(engine.size).toBe(1500);
    expect(answers(engine)).toEqual(answers(fresh));
  });

  it('refuses bytes that are not a snapshot', () => {
    expect(() => postingsEngines.restore(Buffer.from('{"v":1}'))).toThrow('Not a search snapshot');
  });
});
