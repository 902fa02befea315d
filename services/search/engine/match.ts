/**
 * Query words → matching documents with BM25+ scores, over the typed-array postings.
 *
 * A query is a conjunction of clauses; a clause is one word, or alternatives (a compound written apart
 * or together: `fiets stalling` | `fietsenstalling`). Clauses are evaluated rarest first: the first one
 * makes the candidates, every later one only scans its postings for survivors, so a frequent word costs
 * a pass over integers and allocates nothing. Scores are MiniSearch's (the engine we had before, kept so
 * that ranking did not change): BM25+ (k 1.2, b 0.7, d 0.5) per field and term, times the field's weight
 * and the term's (1 for the word and its stems, less for a prefix completion or a typo's neighbour),
 * summed, times the number of distinct query variants the document matched.
 */
import type { DocumentStore } from './documentStore';
import { FIELD_COUNT, type Postings } from './postings';

/** One index term a query word may match, with its weight and the query variant it came from. */
export interface TermRef {
  id: number;
  weight: number;
  /** Bit of the query variant (for MiniSearch's "quality": distinct variants matched). */
  bit: number;
}
export type WordTerms = TermRef[];
/** Any alternative must match; an alternative is a conjunction of words. */
export type Clause = WordTerms[][];

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** Reusable per-document scratch space, stamped per query so that it is never cleared. */
export class Scratch {
  stamp = new Int32Array(0);
  pass = new Int32Array(0);
  score = new Float64Array(0);
  mask = new Int32Array(0);
  private generation = 0;

  next(size: number): number {
    if (this.stamp.length < size || this.generation === 0x7fffffff) {
      const n = Math.max(size, this.stamp.length * 2);
      this.stamp = new Int32Array(n);
      this.pass = new Int32Array(n);
      this.score = new Float64Array(n);
      this.mask = new Int32Array(n);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

const popcount = (m: number) => {
  let v = m - ((m >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

export class Matcher {
  constructor(
    private readonly postings: Postings,
    private readonly store: DocumentStore,
    /** Weight per index field. */
    private readonly boost: Float64Array,
    private readonly scratch: Scratch,
  ) {}

  /** An upper bound of the documents a word matches: its postings. */
  cost(word: WordTerms): number {
    let n = 0;
    for (const t of word) n += this.postings.length(t.id);
    return n;
  }

  /**
   * Calls `visit` for each live posting of `word` with its weighted BM25+ score. With `sharedDf`, every
   * term's rarity is taken from it (per field) instead of from the term itself.
   */
  private scan(
    word: WordTerms,
    visit: (doc: number, score: number, bit: number) => void,
    sharedDf: Int32Array | null = null,
  ): void {
    const { store, postings } = this;
    const n = store.live;
    const avg = new Float64Array(FIELD_COUNT);
    for (let f = 0; f < FIELD_COUNT; f++) avg[f] = n > 0 ? store.lengthSums[f]! / n : 0;
    const factor = new Float64Array(FIELD_COUNT);
    const { alive, fieldLength } = store;
    for (const t of word) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const df = sharedDf ? sharedDf[f]! : postings.documentFrequency(t.id, f);
        factor[f] = t.weight * this.boost[f]! * Math.log(1 + (n - df + 0.5) / (df + 0.5));
      }
      const docs = postings.docsOf(t.id);
      const packed = postings.packedOf(t.id);
      const length = postings.length(t.id);
      for (let i = 0; i < length; i++) {
        const doc = docs[i]!;
        if (alive[doc] === 0) continue;
        const p = packed[i]!;
        const f = p & 15;
        const tf = p >>> 4;
        const norm = avg[f]! > 0 ? fieldLength[doc * FIELD_COUNT + f]! / avg[f]! : 0;
        visit(doc, factor[f]! * (D + (tf * (K + 1)) / (tf + K * (1 - B + B * norm))), t.bit);
      }
    }
  }

  /**
   * The documents matching every clause, with their scores, in no particular order. Clauses are
   * evaluated cheapest first.
   */
  match(clauses: Clause[]): { docs: number[]; scores: Float64Array } {
    const s = this.scratch;
    const gen = s.next(this.store.count);
    const { stamp, pass, score, mask } = s;
    const estimate = (c: Clause) => c.reduce((n, alt) => n + Math.min(...alt.map((w) => this.cost(w))), 0);
    const ordered = [...clauses].sort((a, b) => estimate(a) - estimate(b));
    const candidates: number[] = [];
    ordered.forEach((clause, j) => {
      const enter = (doc: number): boolean => {
        if (j === 0) {
          if (stamp[doc] !== gen) {
            stamp[doc] = gen;
            pass[doc] = 1;
            score[doc] = 0;
            mask[doc] = 0;
            candidates.push(doc);
          }
          return true;
        }
        if (stamp[doc] !== gen) return false;
        if (pass[doc] === j) pass[doc] = j + 1;
        return pass[doc] === j + 1;
      };
      if (clause.length === 1 && clause[0]!.length === 1) {
        this.scan(clause[0]![0]!, (doc, sc, bit) => {
          if (!enter(doc)) return;
          score[doc]! += sc;
          mask[doc]! |= 1 << bit;
        });
        return;
      }
      // Alternatives: each a conjunction, evaluated apart over the eligible documents, then united. They
      // are one concept written two ways, so they share one rarity (as Lucene's SynonymQuery does): the
      // most frequent form's. Otherwise the rare parts "fietsen" + "stalling" would outrank the common
      // compound "fietsenstalling" that the query asked for.
      const sharedDf = new Int32Array(FIELD_COUNT);
      for (const alternative of clause)
        for (const word of alternative)
          for (const t of word)
            for (let f = 0; f < FIELD_COUNT; f++)
              sharedDf[f] = Math.max(sharedDf[f]!, this.postings.documentFrequency(t.id, f));
      const eligible = (doc: number) => j === 0 || (stamp[doc] === gen && pass[doc]! >= j);
      const union = new Map<number, { score: number; mask: number }>();
      for (const alternative of clause) {
        for (const [doc, r] of this.conjunction(alternative, eligible, sharedDf)) {
          const u = union.get(doc);
          if (u) {
            u.score += r.score;
            u.mask |= r.mask;
          } else union.set(doc, r);
        }
      }
      for (const [doc, r] of union) {
        if (!enter(doc)) continue;
        score[doc]! += r.score;
        mask[doc]! |= r.mask;
      }
    });
    const docs: number[] = [];
    const scores = new Float64Array(candidates.length);
    for (const doc of candidates) {
      if (pass[doc] !== ordered.length) continue;
      scores[docs.length] = score[doc]! * (popcount(mask[doc]!) || 1);
      docs.push(doc);
    }
    return { docs, scores: scores.subarray(0, docs.length) };
  }

  private conjunction(words: WordTerms[], eligible: (doc: number) => boolean, sharedDf: Int32Array) {
    let acc: Map<number, { score: number; mask: number }> | null = null;
    for (const word of [...words].sort((a, b) => this.cost(a) - this.cost(b))) {
      const next = new Map<number, { score: number; mask: number }>();
      const prev: Map<number, { score: number; mask: number }> | null = acc;
      this.scan(
        word,
        (doc, sc, bit) => {
          let r = next.get(doc);
          if (!r) {
            if (prev ? !prev.has(doc) : !eligible(doc)) return;
            const before = prev?.get(doc);
            r = { score: before?.score ?? 0, mask: before?.mask ?? 0 };
            next.set(doc, r);
          }
          r.score += sc;
          r.mask |= 1 << bit;
        },
        sharedDf,
      );
      acc = next;
      if (acc.size === 0) break;
    }
    return acc ?? new Map<number, { score: number; mask: number }>();
  }
}
