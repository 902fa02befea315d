/**
 * The SearchEngine on MiniSearch (chosen over Orama on our data; docs/search.md has the figures). The
 * inverted index finds text matches and scores them (BM25+); filters, facets, orders and pages run
 * over a compact in-memory copy of each item's facet values.
 */
import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import type { SearchDocument, TextField } from '../documents';
import { withinCircle } from '../geo';
import { editDistanceFor, indexTerms, languageOf, queryVariants, words, type Language } from '../text/analyse';
import { allowedSets, count, encode, FACET_NAMES, facetCounts, Interner, passes, type FacetCodes } from './facets';
import { highlightsOf } from './highlight';
import { compare, positionOf, TopK } from './order';
import type {
  SearchEngine,
  SearchEngineFactory,
  SearchHit,
  SearchRequest,
  SearchResults,
  SortPosition,
} from './SearchEngine';
import { SearchSnapshotError } from '../errors';

const TEXT_FIELDS: readonly TextField[] = ['TITLE', 'SUMMARY', 'BODY'];
const LANGUAGES: readonly Language[] = ['nl', 'en', 'xx'];
/** One index field per text and language, e.g. `TITLE_nl`, so each language gets its own analyser. */
const FIELDS = TEXT_FIELDS.flatMap((f) => LANGUAGES.map((l) => `${f}_${l}`));
const WEIGHT: Record<TextField, number> = { TITLE: 3, SUMMARY: 1.5, BODY: 1 };
const BOOST = Object.fromEntries(FIELDS.map((f) => [f, WEIGHT[f.split('_')[0] as TextField]]));

const languageOfField = (field: string) => field.slice(field.indexOf('_') + 1) as Language;

function textOf(doc: SearchDocument, field: string): string {
  const [name, language] = field.split('_') as [TextField, Language];
  let out = '';
  for (const t of doc.texts)
    if (t.field === name && languageOf(t.locale) === language) out += (out ? '\n' : '') + t.text;
  return out;
}

/** MiniSearch's options; every index term produced is also added to `vocabulary`. */
const optionsFor = (vocabulary: Set<string>): Options<SearchDocument> => ({
  idField: 'id',
  fields: FIELDS,
  storeFields: [],
  extractField: (doc, field) => (field === 'id' ? doc.id : textOf(doc, field)),
  tokenize: (text) => words(text),
  processTerm: (term, field) => {
    if (!field) return term;
    const terms = indexTerms(term, languageOfField(field));
    if (terms) for (const t of terms) vocabulary.add(t);
    return terms;
  },
  // Query leaves are already analysed (see queryOf).
  searchOptions: { tokenize: (s) => [s], processTerm: (t) => t, boost: BOOST },
  autoVacuum: { minDirtCount: 500, minDirtFactor: 0.05, batchSize: 2000, batchWait: 5 },
});

interface Entry {
  doc: SearchDocument;
  codes: FacetCodes;
  dateMs: number;
}

/**
 * Every word must match one of its variants (itself, its stems); the last word may be a prefix
 * (search as you type). A word none of whose variants the index knows is taken for a typo and
 * matched within an edit distance by its length; known words are not, which keeps multi-word
 * queries fast and precise.
 */
function queryOf(words: readonly string[], known: (term: string) => boolean): Query {
  return {
    combineWith: 'AND',
    queries: words.map((w, i) => {
      const variants = queryVariants(w);
      const typo = !variants.some(known);
      return {
        combineWith: 'OR',
        queries: variants,
        prefix: i === words.length - 1,
        fuzzy: typo ? (term: string) => editDistanceFor(term) || false : false,
      };
    }),
  };
}

class MiniSearchEngine implements SearchEngine {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly index: MiniSearch<SearchDocument>,
    /** Every index term ever added (it only grows; a stale term merely turns typo tolerance off for it). */
    private readonly vocabulary: Set<string>,
    private readonly interners: Interner[],
    docs: readonly SearchDocument[] = [],
  ) {
    for (const d of docs) this.entries.set(d.id, this.entryOf(d));
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  upsert(documents: readonly SearchDocument[]): void {
    for (const d of documents) {
      if (this.entries.has(d.id)) this.index.discard(d.id);
      this.index.add(d);
      this.entries.set(d.id, this.entryOf(d));
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.entries.delete(id)) continue;
      this.index.discard(id);
    }
  }

  search(request: SearchRequest): SearchResults {
    const browsing = request.words.length === 0;
    const { criteria, order, after, limit } = request;
    const allowed = allowedSets(criteria, this.interners);
    const constrained = allowed.flatMap((a, i) => (a ? [i] : []));
    const near = criteria.near ? withinCircle(criteria.near) : null;
    const from = criteria.createdAfter;
    const before = criteria.createdBefore;
    const counts = request.facets ? this.interners.map((i) => new Int32Array(i.size)) : null;
    const top = new TopK<{ entry: Entry; score: number; match: SearchResult | null; position: SortPosition }>(
      limit + 1,
    );
    let total = 0;

    const consider = (entry: Entry | undefined, score: number, match: SearchResult | null) => {
      // An id the index still holds but the store does not is a removed item: never returned.
      if (!entry) return;
      const d = entry.doc;
      if (
        (from !== undefined || before !== undefined) &&
        (d.date === null || (from !== undefined && d.date < from) || (before !== undefined && d.date >= before))
      )
        return;
      if (near && !near(d)) return;
      let failed = -1;
      for (const i of constrained) {
        if (passes(entry.codes, i, allowed[i]!)) continue;
        if (failed !== -1) return;
        failed = i;
      }
      if (counts) {
        // Disjunctive facets: an item failing only facet i's criterion still counts for facet i.
        if (failed === -1) for (let i = 0; i < counts.length; i++) count(entry.codes, i, counts[i]!);
        else count(entry.codes, failed, counts[failed]!);
      }
      if (failed !== -1) return;
      total++;
      const position = positionOf(d, entry.dateMs, score, order, browsing);
      if (after && compare(position, after) <= 0) return;
      top.offer({ entry, score, match, position });
    };

    if (browsing) {
      for (const entry of this.entries.values()) consider(entry, 0, null);
    } else {
      for (const r of this.index.search(queryOf(request.words, (t) => this.vocabulary.has(t))))
        consider(this.entries.get(String(r.id)), r.score, r);
    }

    const hits: SearchHit[] = top.items.slice(0, limit).map(({ entry, score, match, position }) => ({
      id: entry.doc.id,
      kind: entry.doc.kind,
      score,
      highlights: match ? highlightsOf(entry.doc.texts, new Set(match.terms)) : [],
      position,
    }));
    return { total, hits, more: top.items.length > limit, facets: counts ? facetCounts(counts, this.interners) : null };
  }

  serialize(): Uint8Array {
    return Buffer.from(
      JSON.stringify({
        v: 1,
        index: this.index.toJSON(),
        vocabulary: [...this.vocabulary],
        docs: [...this.entries.values()].map((e) => e.doc),
      }),
    );
  }

  private entryOf(doc: SearchDocument): Entry {
    return { doc, codes: encode(doc, this.interners), dateMs: doc.date ? Date.parse(doc.date) : -Infinity };
  }
}

const freshInterners = () => FACET_NAMES.map(() => new Interner());

/** Makes MiniSearch engines, empty or from `serialize()`'s output. */
export const miniSearchEngines: SearchEngineFactory = {
  create: () => {
    const vocabulary = new Set<string>();
    return new MiniSearchEngine(new MiniSearch(optionsFor(vocabulary)), vocabulary, freshInterners());
  },
  restore: (serialized) => {
    const parsed = JSON.parse(
      Buffer.from(serialized.buffer, serialized.byteOffset, serialized.byteLength).toString('utf8'),
    ) as {
      v: number;
      index: unknown;
      vocabulary: string[];
      docs: SearchDocument[];
    };
    if (parsed.v !== 1) throw new SearchSnapshotError(`Unknown search snapshot version ${parsed.v}`);
    const vocabulary = new Set(parsed.vocabulary);
    const index = MiniSearch.loadJS(parsed.index as Parameters<typeof MiniSearch.loadJS>[0], optionsFor(vocabulary));
    return new MiniSearchEngine(index, vocabulary, freshInterners(), parsed.docs);
  },
};
