/**
 * Query words → the index terms each may match (`Clause`s for the matcher). The rules are the ones
 * MiniSearch applied for us before (docs/search.md, Matching): a word matches itself and its Dutch and
 * English stems; the last word also matches as a prefix (weight 0.375 · len / (len + 0.3 · extra
 * letters)); a word none of whose forms the index knows is a typo and matches its neighbours within
 * `editDistanceFor` edits (weight 0.45 · len / (len + distance)). Compounds add alternatives
 * (text/compounds.ts), their split parts at half weight so that the compound itself ranks first.
 */
import { joinCompound, splitCompound } from '../text/compounds';
import { editDistanceFor, queryVariants } from '../text/analyse';
import type { Clause, TermRef, WordTerms } from './match';
import type { Postings } from './postings';

/** A prefix or typo expands to at most this many terms, the most frequent ones (`b…` is not 5,000 terms). */
const MAX_EXPANSIONS = 64;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Weight of the parts of a split compound, relative to the compound written as one word. */
const PART_WEIGHT = 0.5;

export class QueryPlanner {
  /** Query variant → its bit (MiniSearch's "quality" counts distinct variants matched). */
  private bits = new Map<string, number>();

  constructor(private readonly postings: Postings) {}

  readonly known = (term: string): boolean => this.postings.idOf(term) !== undefined;

  /** The clauses of a query: one per word, or per pair of words that the index knows as one compound. */
  plan(words: readonly string[]): Clause[] {
    this.bits = new Map();
    const clauses: Clause[] = [];
    const last = words.length - 1;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const joined = i < last ? joinCompound(w, words[i + 1]!, this.known) : null;
      if (joined) {
        const prefix = i + 1 === last;
        clauses.push([[this.word(w, false), this.word(words[i + 1]!, prefix)], [this.word(joined, prefix)]]);
        i++;
        continue;
      }
      const clause: Clause = [[this.word(w, i === last)]];
      const parts = splitCompound(w, this.known);
      if (parts) clause.push(parts.map((p, k) => this.word(p, i === last && k === parts.length - 1, PART_WEIGHT)));
      clauses.push(clause);
    }
    return clauses;
  }

  private word(word: string, prefix: boolean, weight = 1): WordTerms {
    const variants = queryVariants(word);
    const typo = !variants.some(this.known);
    const out: TermRef[] = [];
    for (const v of variants) {
      const bit = this.bits.get(v) ?? this.bits.size % 31;
      this.bits.set(v, bit);
      const exact = this.postings.idOf(v);
      if (exact !== undefined) out.push({ id: exact, weight, bit });
      const seen = new Set<string>([v]);
      if (prefix) {
        const completions = [...this.postings.dict.atPrefix(v)].filter(([t]) => t !== v);
        for (const [t, id] of this.mostFrequent(completions)) {
          seen.add(t);
          out.push({ id, weight: (weight * PREFIX_WEIGHT * t.length) / (t.length + 0.3 * (t.length - v.length)), bit });
        }
      }
      const distance = typo ? editDistanceFor(v) : 0;
      if (distance > 0) {
        const near = [...this.postings.dict.fuzzyGet(v, distance)]
          .filter(([t, [, d]]) => d > 0 && !seen.has(t))
          .map(([t, [id, d]]) => [t, id, d] as const);
        const frequent = new Set(this.mostFrequent(near.map(([t, id]) => [t, id] as const)).map(([t]) => t));
        for (const [t, id, d] of near)
          if (frequent.has(t)) out.push({ id, weight: (weight * FUZZY_WEIGHT * t.length) / (t.length + d), bit });
      }
    }
    return out;
  }

  private mostFrequent<T extends readonly [string, number]>(terms: T[]): T[] {
    if (terms.length <= MAX_EXPANSIONS) return terms;
    return terms.sort((a, b) => this.postings.length(b[1]) - this.postings.length(a[1])).slice(0, MAX_EXPANSIONS);
  }
}
