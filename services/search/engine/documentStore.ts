/**
 * What the engine keeps of each document, by dense number, in columns: id, kind, facet codes, date,
 * support, point and field lengths in typed arrays; texts (needed only for highlights and removal) as
 * objects, or, for documents restored from a snapshot, as UTF-8 JSON decoded on first use.
 */
import type { SearchDocument, SearchKind, SearchText } from '../documents';
import type { BinaryReader, BinaryWriter } from './binary';
import { SINGLE_FACETS, type FacetCodes } from './facets';
import { FIELD_COUNT } from './postings';

const SLOTS = SINGLE_FACETS.length;
const KIND: readonly SearchKind[] = ['PROPOSAL', 'BUDGET_PROJECT'];

function grown<T extends Int32Array | Uint16Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const out = new (a.constructor as new (n: number) => T)(need);
  out.set(a);
  return out;
}

export class DocumentStore {
  /** Numbers handed out so far (live or removed). */
  count = 0;
  /** Live documents. */
  live = 0;
  ids: string[] = [];
  /** Numbers of documents added since the last restore or compaction, by id. */
  private added = new Map<string, number>();
  /** The other documents' numbers, sorted by id (binary search: no hash map to build at restore). */
  private sorted = new Int32Array(0);
  alive = new Uint8Array(0);
  kind = new Uint8Array(0);
  /** SINGLE_FACETS codes per document, -1 for none. */
  slots = new Int32Array(0);
  /** Tag codes of document n: `tagPool[tagFrom[n]…tagTo[n])`. */
  tagPool = new Int32Array(0);
  tagFrom = new Int32Array(0);
  tagTo = new Int32Array(0);
  private tagUsed = 0;
  /** Milliseconds since the epoch, -Infinity when undated. */
  dateMs = new Float64Array(0);
  /** -1 when not public. */
  support = new Float64Array(0);
  latitude = new Float64Array(0);
  longitude = new Float64Array(0);
  /** Distinct words per document and index field (BM25's field length). */
  fieldLength = new Uint16Array(0);
  /** Per index field, the sum of live documents' field lengths. */
  readonly lengthSums = new Float64Array(FIELD_COUNT);
  private texts: (SearchText[] | undefined)[] = [];
  /** Texts of restored documents, JSON per document, ending at `textEnds[n]`. */
  private textBlob: Uint8Array | null = null;
  private textEnds: Uint32Array | null = null;

  /** Adds a document under a new number and returns it. */
  add(doc: SearchDocument, codes: FacetCodes, lengths: readonly number[]): number {
    const n = this.count++;
    this.ensure(n + 1);
    this.added.set(doc.id, n);
    this.ids[n] = doc.id;
    this.alive[n] = 1;
    this.kind[n] = KIND.indexOf(doc.kind);
    this.slots.set(codes.slots, n * SLOTS);
    const tagCount = codes.tagTo - codes.tagFrom;
    if (this.tagUsed + tagCount > this.tagPool.length)
      this.tagPool = grown(this.tagPool, Math.max(this.tagUsed + tagCount, this.tagPool.length * 2, 64));
    this.tagPool.set(codes.tags.subarray(codes.tagFrom, codes.tagTo), this.tagUsed);
    this.tagFrom[n] = this.tagUsed;
    this.tagTo[n] = this.tagUsed += tagCount;
    this.dateMs[n] = doc.date ? Date.parse(doc.date) : Number.NEGATIVE_INFINITY;
    this.support[n] = doc.support ?? -1;
    this.latitude[n] = doc.latitude;
    this.longitude[n] = doc.longitude;
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.fieldLength[n * FIELD_COUNT + f] = lengths[f]!;
      this.lengthSums[f]! += lengths[f]!;
    }
    this.texts[n] = doc.texts;
    this.live++;
    return n;
  }

  /** Marks document `n` removed. */
  remove(n: number): void {
    if (!this.alive[n]) return;
    this.alive[n] = 0;
    this.added.delete(this.ids[n]!);
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthSums[f]! -= this.fieldLength[n * FIELD_COUNT + f]!;
    this.live--;
  }

  /** The number of the live document `id`. */
  numberOf(id: string): number | undefined {
    const n = this.added.get(id);
    if (n !== undefined) return n;
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = sorted[mid]!;
      const other = this.ids[m]!;
      if (other === id) return this.alive[m] ? m : undefined;
      if (other < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  kindOf(n: number): SearchKind {
    return KIND[this.kind[n]!]!;
  }

  textsOf(n: number): SearchText[] {
    let t = this.texts[n];
    if (!t && this.textBlob && this.textEnds) {
      const from = n === 0 ? 0 : this.textEnds[n - 1]!;
      const b = this.textBlob.subarray(from, this.textEnds[n]!);
      t = JSON.parse(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8')) as SearchText[];
      this.texts[n] = t;
    }
    return t ?? [];
  }

  /** Renumbers the live documents 0…live-1 in their order; returns old → new (-1: dropped). */
  compact(): Int32Array {
    const renumber = new Int32Array(this.count).fill(-1);
    const texts = this.ids.map((_, n) => (this.alive[n] ? this.textsOf(n) : undefined));
    let to = 0;
    for (let n = 0; n < this.count; n++) {
      if (!this.alive[n]) continue;
      renumber[n] = to;
      if (to !== n) {
        this.ids[to] = this.ids[n]!;
        this.kind[to] = this.kind[n]!;
        this.slots.copyWithin(to * SLOTS, n * SLOTS, (n + 1) * SLOTS);
        this.dateMs[to] = this.dateMs[n]!;
        this.support[to] = this.support[n]!;
        this.latitude[to] = this.latitude[n]!;
        this.longitude[to] = this.longitude[n]!;
        this.fieldLength.copyWithin(to * FIELD_COUNT, n * FIELD_COUNT, (n + 1) * FIELD_COUNT);
      }
      this.texts[to] = texts[n];
      to++;
    }
    const pool = new Int32Array(this.tagPool.length);
    let used = 0;
    for (let n = 0; n < this.count; n++) {
      const to = renumber[n]!;
      if (to < 0) continue;
      const from = this.tagFrom[n]!;
      const end = this.tagTo[n]!;
      pool.set(this.tagPool.subarray(from, end), used);
      this.tagFrom[to] = used;
      this.tagTo[to] = used += end - from;
    }
    this.tagPool = pool;
    this.tagUsed = used;
    this.alive.fill(1, 0, to).fill(0, to);
    this.ids.length = to;
    this.texts.length = to;
    this.sortIds();
    this.count = to;
    this.textBlob = null;
    this.textEnds = null;
    return renumber;
  }

  /** Writes the columns; the store must be compact (every number live). */
  write(out: BinaryWriter): void {
    if (this.added.size > 0) this.sortIds();
    const n = this.count;
    const textParts: Buffer[] = [];
    const textEnds = new Uint32Array(n);
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const b = Buffer.from(JSON.stringify(this.textsOf(i)), 'utf8');
      textParts.push(b);
      textEnds[i] = bytes += b.length;
    }
    out
      .string('docs.ids', this.ids.join('\n'))
      .array('docs.kind', 'u8', this.kind.slice(0, n))
      .array('docs.slots', 'i32', this.slots.slice(0, n * SLOTS))
      .array('docs.sorted', 'i32', this.sorted)
      .array('docs.tagPool', 'i32', this.tagPool.slice(0, this.tagUsed))
      .array('docs.tagFrom', 'i32', this.tagFrom.slice(0, n))
      .array('docs.tagTo', 'i32', this.tagTo.slice(0, n))
      .array('docs.dateMs', 'f64', this.dateMs.slice(0, n))
      .array('docs.support', 'f64', this.support.slice(0, n))
      .array('docs.latitude', 'f64', this.latitude.slice(0, n))
      .array('docs.longitude', 'f64', this.longitude.slice(0, n))
      .array('docs.fieldLength', 'u16', this.fieldLength.slice(0, n * FIELD_COUNT))
      .array('docs.textEnds', 'u32', textEnds)
      .array('docs.texts', 'u8', new Uint8Array(Buffer.concat(textParts)));
  }

  static read(input: BinaryReader): DocumentStore {
    const s = new DocumentStore();
    const idText = input.string('docs.ids');
    s.ids = idText ? idText.split('\n') : [];
    const n = s.ids.length;
    s.count = n;
    s.live = n;
    s.sorted = input.array('docs.sorted', 'i32');
    s.alive = new Uint8Array(n).fill(1);
    s.kind = input.array('docs.kind', 'u8');
    s.slots = input.array('docs.slots', 'i32');
    s.tagPool = input.array('docs.tagPool', 'i32');
    s.tagUsed = s.tagPool.length;
    s.tagFrom = input.array('docs.tagFrom', 'i32');
    s.tagTo = input.array('docs.tagTo', 'i32');
    s.dateMs = input.array('docs.dateMs', 'f64');
    s.support = input.array('docs.support', 'f64');
    s.latitude = input.array('docs.latitude', 'f64');
    s.longitude = input.array('docs.longitude', 'f64');
    s.fieldLength = input.array('docs.fieldLength', 'u16');
    for (let i = 0; i < n; i++)
      for (let f = 0; f < FIELD_COUNT; f++) s.lengthSums[f]! += s.fieldLength[i * FIELD_COUNT + f]!;
    s.textEnds = input.array('docs.textEnds', 'u32');
    s.textBlob = input.array('docs.texts', 'u8');
    s.texts = new Array(n);
    return s;
  }

  /** Moves every document into the sorted lookup (after a compaction, when all numbers are live). */
  private sortIds(): void {
    const ids = this.ids;
    this.sorted = Int32Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    this.added = new Map();
  }

  private ensure(need: number): void {
    if (need <= this.alive.length) return;
    const cap = Math.max(need, this.alive.length * 2, 64);
    this.alive = grown(this.alive, cap);
    this.kind = grown(this.kind, cap);
    this.slots = grown(this.slots, cap * SLOTS);
    this.tagFrom = grown(this.tagFrom, cap);
    this.tagTo = grown(this.tagTo, cap);
    this.dateMs = grown(this.dateMs, cap);
    this.support = grown(this.support, cap);
    this.latitude = grown(this.latitude, cap);
    this.longitude = grown(this.longitude, cap);
    this.fieldLength = grown(this.fieldLength, cap * FIELD_COUNT);
  }
}
