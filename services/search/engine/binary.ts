/**
 * A flat binary container of named typed arrays and strings: what a search snapshot is made of. Each
 * section is 8-byte aligned, so that restoring takes views on the file's bytes instead of parsing them
 * (typed arrays are little-endian on every platform Node runs on that we deploy to: x86-64 and arm64).
 *
 * Layout: magic `ISRCH` + version byte, u32 length of a JSON table of contents, the table
 * (`[name, kind, byteOffset, length][]`), padding to 8, then the sections.
 */
import { SearchSnapshotError } from '../errors';

const MAGIC = 'ISRCH';
const VERSION = 2;
const KINDS = {
  i32: Int32Array,
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
  f64: Float64Array,
} as const;
type Kind = keyof typeof KINDS | 'str';
type Arrays = { [K in keyof typeof KINDS]: InstanceType<(typeof KINDS)[K]> };

const pad8 = (n: number) => (n + 7) & ~7;

/** Collects sections, then writes them as one buffer. */
export class BinaryWriter {
  private readonly sections: { name: string; kind: Kind; bytes: Uint8Array; length: number }[] = [];

  array<K extends keyof typeof KINDS>(name: string, kind: K, values: Arrays[K]): this {
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    this.sections.push({ name, kind, bytes, length: values.length });
    return this;
  }

  /** A string, UTF-8 encoded. */
  string(name: string, value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    this.sections.push({ name, kind: 'str', bytes, length: bytes.length });
    return this;
  }

  /** A value as JSON (for the small parts: facet tables, statistics). */
  json(name: string, value: unknown): this {
    return this.string(name, JSON.stringify(value));
  }

  toBytes(): Uint8Array {
    let offset = 0;
    const toc: [string, Kind, number, number][] = this.sections.map((s) => {
      const at = offset;
      offset = pad8(offset + s.bytes.byteLength);
      return [s.name, s.kind, at, s.length];
    });
    const tocBytes = Buffer.from(JSON.stringify(toc), 'utf8');
    const head = pad8(MAGIC.length + 1 + 4 + tocBytes.length);
    const out = new Uint8Array(head + offset);
    out.set(Buffer.from(MAGIC, 'latin1'), 0);
    out[MAGIC.length] = VERSION;
    new DataView(out.buffer).setUint32(MAGIC.length + 1, tocBytes.length, true);
    out.set(tocBytes, MAGIC.length + 5);
    this.sections.forEach((s, i) => {
      out.set(s.bytes, head + toc[i]![2]);
    });
    return out;
  }
}

/** Reads what `BinaryWriter` wrote, as views on `bytes` (copied once if `bytes` is not 8-byte aligned). */
export class BinaryReader {
  private readonly toc = new Map<string, [Kind, number, number]>();
  private readonly bytes: Uint8Array;
  private readonly head: number;

  constructor(input: Uint8Array) {
    if (Buffer.from(input.subarray(0, MAGIC.length)).toString('latin1') !== MAGIC)
      throw new SearchSnapshotError('Not a search snapshot');
    if (input[MAGIC.length] !== VERSION)
      throw new SearchSnapshotError(`Unknown search snapshot version ${input[MAGIC.length]}`);
    this.bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const tocLength = view.getUint32(MAGIC.length + 1, true);
    const toc = JSON.parse(
      Buffer.from(this.bytes.subarray(MAGIC.length + 5, MAGIC.length + 5 + tocLength)).toString('utf8'),
    ) as [string, Kind, number, number][];
    for (const [name, kind, at, length] of toc) this.toc.set(name, [kind, at, length]);
    this.head = pad8(MAGIC.length + 5 + tocLength);
  }

  array<K extends keyof typeof KINDS>(name: string, kind: K): Arrays[K] {
    const [k, at, length] = this.section(name);
    if (k !== kind) throw new SearchSnapshotError(`Search snapshot section ${name} is ${k}, not ${kind}`);
    return new KINDS[kind](
      this.bytes.buffer as ArrayBuffer,
      this.bytes.byteOffset + this.head + at,
      length,
    ) as Arrays[K];
  }

  /** The raw bytes of a string section (for decoding parts of it later). */
  bytesOf(name: string): Uint8Array {
    const [, at, length] = this.section(name);
    return this.bytes.subarray(this.head + at, this.head + at + length);
  }

  string(name: string): string {
    const b = this.bytesOf(name);
    return Buffer.from(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength).toString('utf8');
  }

  json<T>(name: string): T {
    return JSON.parse(this.string(name)) as T;
  }

  private section(name: string): [Kind, number, number] {
    const s = this.toc.get(name);
    if (!s) throw new SearchSnapshotError(`Search snapshot has no section ${name}`);
    return s;
  }
}
