/**
 * The inverted index: for each term, the documents (dense numbers, ascending) and, per posting, the field
 * and term frequency packed in 16 bits. Postings live in typed arrays, so a query scans memory instead
 * of allocating an object per match, and a snapshot restores as views on its bytes. The term dictionary
 * is MiniSearch's radix tree (`minisearch/SearchableMap`), which gives prefix and fuzzy lookups.
 *
 * Documents are only appended (an update is a removal and an append under a new number), so every
 * list stays sorted by document number; removed numbers are skipped until `compact` renumbers.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { BinaryReader, BinaryWriter } from './binary';

/** Index fields: TITLE/SUMMARY/BODY × nl/en/other (see fieldOf). */
export const FIELD_COUNT = 9;
const TF_MAX = 0xfff;

function grow<T extends Int32Array | Uint16Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const out = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 16));
  out.set(a);
  return out;
}

/** One document's terms: per field, term → frequency. */
export type FieldTerms = Map<string, number>[];

export class Postings {
  readonly dict: SearchableMap<number>;
  readonly terms: string[];
  private docs: Int32Array[];
  private packed: Uint16Array[];
  /** Postings per term (the arrays may be longer: spare capacity). */
  private lengths: Int32Array;
  /** Live documents per term and field: BM25's document frequency. */
  private df: Int32Array;

  constructor(from?: { terms: string[]; docs: Int32Array[]; packed: Uint16Array[]; df: Int32Array }) {
    this.terms = from?.terms ?? [];
    this.docs = from?.docs ?? [];
    this.packed = from?.packed ?? [];
    this.lengths = Int32Array.from(this.docs, (d) => d.length);
    this.df = from?.df ?? new Int32Array(0);
    this.dict = new SearchableMap<number>();
    this.terms.forEach((t, id) => {
      this.dict.set(t, id);
    });
  }

  /** The id of `term`, undefined when no document ever had it. */
  idOf(term: string): number | undefined {
    return this.dict.get(term);
  }

  length(termId: number): number {
    return this.lengths[termId]!;
  }

  docsOf(termId: number): Int32Array {
    return this.docs[termId]!;
  }

  packedOf(termId: number): Uint16Array {
    return this.packed[termId]!;
  }

  documentFrequency(termId: number, field: number): number {
    return this.df[termId * FIELD_COUNT + field]!;
  }

  /** Whether document `doc` has term `termId` (binary search). */
  contains(termId: number, doc: number): boolean {
    const docs = this.docs[termId]!;
    let lo = 0;
    let hi = this.lengths[termId]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = docs[mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Appends document `doc`, which must be numbered above every document added before. */
  add(doc: number, fields: FieldTerms): void {
    const byTerm = new Map<number, number[]>();
    fields.forEach((terms, field) => {
      for (const [term, tf] of terms) {
        const id = this.intern(term);
        const list = byTerm.get(id) ?? [];
        if (list.length === 0) byTerm.set(id, list);
        list.push((Math.min(tf, TF_MAX) << 4) | field);
        this.df[id * FIELD_COUNT + field]!++;
      }
    });
    for (const [id, entries] of byTerm) {
      const at = this.lengths[id]!;
      this.docs[id] = grow(this.docs[id]!, at + entries.length);
      this.packed[id] = grow(this.packed[id]!, at + entries.length);
      for (let i = 0; i < entries.length; i++) {
        this.docs[id]![at + i] = doc;
        this.packed[id]![at + i] = entries[i]!;
      }
      this.lengths[id] = at + entries.length;
    }
  }

  /** Takes a removed document's terms out of the document frequencies; its postings are skipped until `compact`. */
  forget(fields: FieldTerms): void {
    fields.forEach((terms, field) => {
      for (const term of terms.keys()) {
        const id = this.dict.get(term);
        if (id !== undefined) this.df[id * FIELD_COUNT + field]!--;
      }
    });
  }

  /** Drops the postings of documents whose new number (`renumber[old]`) is -1 and renumbers the rest. */
  compact(renumber: Int32Array): void {
    for (let id = 0; id < this.terms.length; id++) {
      const docs = this.docs[id]!;
      const packed = this.packed[id]!;
      let n = 0;
      for (let i = 0; i < this.lengths[id]!; i++) {
        const to = renumber[docs[i]!]!;
        if (to < 0) continue;
        docs[n] = to;
        packed[n] = packed[i]!;
        n++;
      }
      this.docs[id] = docs.slice(0, n);
      this.packed[id] = packed.slice(0, n);
      this.lengths[id] = n;
    }
  }

  write(out: BinaryWriter): void {
    let total = 0;
    for (let id = 0; id < this.terms.length; id++) total += this.lengths[id]!;
    const docs = new Int32Array(total);
    const packed = new Uint16Array(total);
    const ends = new Int32Array(this.terms.length);
    let at = 0;
    for (let id = 0; id < this.terms.length; id++) {
      const n = this.lengths[id]!;
      docs.set(this.docs[id]!.subarray(0, n), at);
      packed.set(this.packed[id]!.subarray(0, n), at);
      at += n;
      ends[id] = at;
    }
    out
      .string('terms', this.terms.join('\n'))
      .array('postings.docs', 'i32', docs)
      .array('postings.packed', 'u16', packed)
      .array('postings.ends', 'i32', ends)
      .array('postings.df', 'i32', this.df.slice(0, this.terms.length * FIELD_COUNT));
  }

  static read(input: BinaryReader): Postings {
    const termText = input.string('terms');
    const terms = termText ? termText.split('\n') : [];
    const docs = input.array('postings.docs', 'i32');
    const packed = input.array('postings.packed', 'u16');
    const ends = input.array('postings.ends', 'i32');
    const lists: Int32Array[] = [];
    const packs: Uint16Array[] = [];
    let from = 0;
    for (let id = 0; id < terms.length; id++) {
      lists.push(docs.subarray(from, ends[id]));
      packs.push(packed.subarray(from, ends[id]));
      from = ends[id]!;
    }
    // Document frequencies change with every update: a copy, not a view.
    return new Postings({ terms, docs: lists, packed: packs, df: input.array('postings.df', 'i32').slice() });
  }

  private intern(term: string): number {
    let id = this.dict.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.dict.set(term, id);
      this.docs.push(new Int32Array(4));
      this.packed.push(new Uint16Array(4));
      this.lengths = grow(this.lengths, id + 1);
      this.df = grow(this.df, (id + 1) * FIELD_COUNT);
    }
    return id;
  }
}
