/**
 * The SearchEngine on our own typed-array inverted index (postings.ts), with MiniSearch's radix tree as
 * the term dictionary and MiniSearch's BM25+ scoring. It replaced the MiniSearch engine
 * (miniSearchEngine.ts, kept as the benchmark's reference) because at 100,000 items MiniSearch answered
 * multi-word queries in ~180 ms p95 (it builds a result object per matching posting and field, then
 * intersects) and restored a snapshot in ~2 s (JSON); docs/search.md has the figures before and after.
 */
import type { SearchDocument } from '../documents';
import { withinCircle } from '../geo';
import { analyseTexts, INDEX_FIELDS } from '../text/analyse';
import { BinaryReader, BinaryWriter } from './binary';
import { DocumentStore } from './documentStore';
import {
  allowedSets,
  count,
  encode,
  FACET_NAMES,
  facetCounts,
  Interner,
  passes,
  SINGLE_FACETS,
  type FacetCodes,
} from './facets';
import { highlightsOf } from './highlight';
import { Matcher, Scratch } from './match';
import { compare, positionOf, TopK } from './order';
import { Postings } from './postings';
import { QueryPlanner } from './queryPlan';
import type {
  SearchEngine,
  SearchEngineFactory,
  SearchHit,
  SearchRequest,
  SearchResults,
  SortPosition,
} from './SearchEngine';

const WEIGHT = { TITLE: 3, SUMMARY: 1.5, BODY: 1 } as const;
const BOOST = Float64Array.from(INDEX_FIELDS, (f) => WEIGHT[f.field]);
const SLOTS = SINGLE_FACETS.length;
/** Compact (renumber, drop removed postings) once this share of document numbers is removed. */
const COMPACT_AT = 0.25;

class PostingsEngine implements SearchEngine {
  private readonly scratch = new Scratch();
  private matcher: Matcher;
  private planner: QueryPlanner;

  constructor(
    private postings: Postings,
    private readonly store: DocumentStore,
    private readonly interners: Interner[],
  ) {
    this.matcher = new Matcher(postings, store, BOOST, this.scratch);
    this.planner = new QueryPlanner(postings);
  }

  get size(): number {
    return this.store.live;
  }

  has(id: string): boolean {
    return this.store.numberOf(id) !== undefined;
  }

  upsert(documents: readonly SearchDocument[]): void {
    for (const d of documents) {
      this.discard(d.id);
      const analysed = analyseTexts(d.texts);
      const n = this.store.add(d, encode(d, this.interners), analysed.lengths);
      this.postings.add(n, analysed.terms);
    }
    this.maybeCompact();
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.discard(id);
    this.maybeCompact();
  }

  search(request: SearchRequest): SearchResults {
    const browsing = request.words.length === 0;
    const { criteria, order, after, limit } = request;
    const store = this.store;
    const allowed = allowedSets(criteria, this.interners);
    const constrained = allowed.flatMap((a, i) => (a ? [i] : []));
    const near = criteria.near ? withinCircle(criteria.near) : null;
    const from = criteria.createdAfter !== undefined ? Date.parse(criteria.createdAfter) : null;
    const before = criteria.createdBefore !== undefined ? Date.parse(criteria.createdBefore) : null;
    const counts = request.facets ? this.interners.map((i) => new Int32Array(i.size)) : null;
    const top = new TopK<{ doc: number; score: number; position: SortPosition }>(limit + 1);
    const { dateMs, latitude, longitude, support, ids, tagFrom, tagTo } = store;
    const codes: FacetCodes = { slots: store.slots, slotAt: 0, tags: store.tagPool, tagFrom: 0, tagTo: 0 };
    let total = 0;

    const consider = (doc: number, score: number) => {
      const date = dateMs[doc]!;
      if ((from !== null || before !== null) && (date === Number.NEGATIVE_INFINITY || (from !== null && date < from)))
        return;
      if (before !== null && date >= before) return;
      if (near && !near({ latitude: latitude[doc]!, longitude: longitude[doc]! })) return;
      codes.slotAt = doc * SLOTS;
      codes.tagFrom = tagFrom[doc]!;
      codes.tagTo = tagTo[doc]!;
      let failed = -1;
      for (const i of constrained) {
        if (passes(codes, i, allowed[i]!)) continue;
        if (failed !== -1) return;
        failed = i;
      }
      if (counts) {
        // Disjunctive facets: an item failing only facet i's criterion still counts for facet i.
        if (failed === -1) for (let i = 0; i < counts.length; i++) count(codes, i, counts[i]!);
        else count(codes, failed, counts[failed]!);
      }
      if (failed !== -1) return;
      total++;
      const s = support[doc]!;
      const position = positionOf({ id: ids[doc]!, support: s < 0 ? null : s }, date, score, order, browsing);
      if (after && compare(position, after) <= 0) return;
      top.offer({ doc, score, position });
    };

    let clauses: ReturnType<QueryPlanner['plan']> = [];
    if (browsing) {
      for (let doc = 0; doc < store.count; doc++) if (store.alive[doc]) consider(doc, 0);
    } else {
      clauses = this.planner.plan(request.words);
      const { docs, scores } = this.matcher.match(clauses);
      for (let i = 0; i < docs.length; i++) consider(docs[i]!, scores[i]!);
    }

    const hits: SearchHit[] = top.items.slice(0, limit).map(({ doc, score, position }) => ({
      id: ids[doc]!,
      kind: store.kindOf(doc),
      score,
      highlights: browsing ? [] : highlightsOf(store.textsOf(doc), this.matchedTerms(clauses, doc)),
      position,
    }));
    return { total, hits, more: top.items.length > limit, facets: counts ? facetCounts(counts, this.interners) : null };
  }

  serialize(): Uint8Array {
    this.compact();
    const out = new BinaryWriter().json('facets', {
      values: this.interners.map((i) => i.values),
      labels: this.interners.map((i) => i.labels),
    });
    this.postings.write(out);
    this.store.write(out);
    return out.toBytes();
  }

  /** The index terms of the query that document `doc` has, for highlighting. */
  private matchedTerms(clauses: ReturnType<QueryPlanner['plan']>, doc: number): Set<string> {
    const terms = new Set<string>();
    for (const clause of clauses)
      for (const alternative of clause)
        for (const word of alternative)
          for (const t of word) if (this.postings.contains(t.id, doc)) terms.add(this.postings.terms[t.id]!);
    return terms;
  }

  private discard(id: string): void {
    const n = this.store.numberOf(id);
    if (n === undefined) return;
    this.postings.forget(analyseTexts(this.store.textsOf(n)).terms);
    this.store.remove(n);
  }

  private maybeCompact(): void {
    const removed = this.store.count - this.store.live;
    if (removed > 1000 && removed > COMPACT_AT * this.store.count) this.compact();
  }

  private compact(): void {
    if (this.store.count === this.store.live) return;
    this.postings.compact(this.store.compact());
  }
}

/** Makes postings engines, empty or from `serialize()`'s bytes. */
export const postingsEngines: SearchEngineFactory = {
  create: () =>
    new PostingsEngine(
      new Postings(),
      new DocumentStore(),
      FACET_NAMES.map(() => new Interner()),
    ),
  restore: (bytes) => {
    const input = new BinaryReader(bytes);
    const facets = input.json<{ values: string[][]; labels: string[][] }>('facets');
    const interners = FACET_NAMES.map((_, i) => {
      const interner = new Interner();
      facets.values[i]!.forEach((v, k) => {
        interner.id(v, facets.labels[i]![k]);
      });
      return interner;
    });
    return new PostingsEngine(Postings.read(input), DocumentStore.read(input), interners);
  },
};
