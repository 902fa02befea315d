/**
 * Reads a Pabulib `.pb` file (https://pabulib.org/format): sections META (key;value), PROJECTS and VOTES
 * (a header line, then rows), `;`-separated with CSV quoting ("…""…"). csv-parse (maintained) does the
 * CSV; this keeps every key, column and value as written, in order, so that writing it back loses
 * nothing. Malformed input fails with the line number.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { InspraakError } from '../errors';

export interface PabulibTable {
  columns: string[];
  rows: string[][];
  /** The 1-based line of each row, where asked for (`parsePabulib(text, { lines: true })`). */
  lines?: number[];
}

export interface PabulibFile {
  /** META entries in file order; keys are unique. */
  meta: [key: string, value: string][];
  projects: PabulibTable;
  /** Null when the file has no VOTES section. */
  votes: PabulibTable | null;
  /** The 1-based line of each META entry, where asked for (`parsePabulib(text, { lines: true })`). */
  metaLines?: number[];
}

/** A Pabulib file that does not follow the format; `line` is where the problem is (1-based). */
export class PabulibFormatError extends InspraakError {
  readonly code = 'PABULIB_FORMAT_INVALID';
  constructor(
    readonly line: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`line ${line}: ${message}`, options);
  }
}

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;
type Section = (typeof SECTIONS)[number];

/** @param options.lines also record the line of every row, so that a reader can point at a bad value. */
export function parsePabulib(text: string, options: { lines?: boolean } = {}): PabulibFile {
  const records = csvRecords(text);

  const file: PabulibFile = { meta: [], projects: { columns: [], rows: [] }, votes: null };
  if (options.lines) {
    file.metaLines = [];
    file.projects.lines = [];
  }
  let section: Section | null = null;
  let header: string[] | null = null;
  const seen = new Set<Section>();
  const keys = new Set<string>();
  for (const { record, info } of records) {
    const line = info.lines;
    if (record.length === 1 && (SECTIONS as readonly string[]).includes(record[0]!.trim())) {
      section = record[0]!.trim() as Section;
      if (seen.has(section)) throw new PabulibFormatError(line, `section ${section} appears twice`);
      if (section !== 'META' && !seen.has('META')) throw new PabulibFormatError(line, `section ${section} before META`);
      seen.add(section);
      header = null;
      if (section === 'VOTES') file.votes = { columns: [], rows: [], ...(options.lines && { lines: [] }) };
      continue;
    }
    if (!section) throw new PabulibFormatError(line, 'expected the file to start with META');
    if (!header) {
      header = record;
      const expected = section === 'META' ? ['key', 'value'] : [section === 'PROJECTS' ? 'project_id' : 'voter_id'];
      if (expected.some((c, i) => header![i] !== c)) {
        throw new PabulibFormatError(
          line,
          `the ${section} header must start with ${expected.join(';')}, found ${record.slice(0, 2).join(';')}`,
        );
      }
      if (section === 'PROJECTS') file.projects.columns = header;
      if (section === 'VOTES') file.votes!.columns = header;
      continue;
    }
    if (record.length !== header.length) {
      throw new PabulibFormatError(
        line,
        `expected ${header.length} fields (${header.join(';')}), found ${record.length}`,
      );
    }
    if (section === 'META') {
      const [key, value] = record as [string, string];
      if (keys.has(key)) throw new PabulibFormatError(line, `META key "${key}" appears twice`);
      keys.add(key);
      file.meta.push([key, value]);
      file.metaLines?.push(line);
    } else {
      const table = section === 'PROJECTS' ? file.projects : file.votes!;
      table.rows.push(record);
      table.lines?.push(line);
    }
  }
  if (!seen.has('PROJECTS'))
    throw new PabulibFormatError(records.at(-1)?.info.lines ?? 1, 'the file has no PROJECTS section');
  return file;
}

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * The file's records with the line each ends on. csv-parse reads everything up to the VOTES header; the
 * VOTES lines, which are most of a file and hardly ever quoted, are split directly when the block holds
 * no quote at all (plain `;`-separated lines, where CSV has nothing else to do), which halves the time
 * of a large file. With a quote anywhere in VOTES, csv-parse reads the whole file.
 */
function csvRecords(text: string): CsvRecord[] {
  const votes = /(?:^|\n)VOTES\r?\n/.exec(text);
  const cut = votes ? votes.index + votes[0].length : -1;
  if (cut < 0 || text.includes('"', cut)) return parseCsvRecords(text);
  const head = parseCsvRecords(text.slice(0, cut));
  const offset = (text.slice(0, cut).match(/\n/g) ?? []).length;
  const lines = text.slice(cut).split('\n');
  const tail: CsvRecord[] = [];
  lines.forEach((l, i) => {
    const line = l.endsWith('\r') ? l.slice(0, -1) : l;
    if (line !== '') tail.push({ record: line.split(';'), info: { lines: offset + i + 1 } });
  });
  return [...head, ...tail];
}

function parseCsvRecords(text: string): CsvRecord[] {
  try {
    return (parseCsv as (input: string, options: object) => unknown)(text, {
      delimiter: ';',
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Some files mix CRLF with a stray LF (Amsterdam 335, line 16).
      record_delimiter: ['\r\n', '\n'],
    }) as CsvRecord[]; // with `info: true`, csv-parse returns { record, info } pairs
  } catch (e) {
    const err = e as { code?: string; lines?: number; bytes_records?: number; message: string };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED' && err.bytes_records !== undefined) {
      // csv-parse notices at the end of the file; the quote opened in the record after the last complete one.
      const before = Buffer.from(text).subarray(0, err.bytes_records).toString('utf8');
      throw new PabulibFormatError(before.split(/\r\n|\n/).length, 'a quote opens here and is never closed', {
        cause: e,
      });
    }
    throw new PabulibFormatError(err.lines ?? 0, err.message, { cause: e });
  }
}

/** The value of a META key, or undefined. */
export function metaValue(file: PabulibFile, key: string): string | undefined {
  return file.meta.find(([k]) => k === key)?.[1];
}

/** The projects as objects of column → value. */
export function projectRecords(file: PabulibFile): Record<string, string>[] {
  return file.projects.rows.map((row) => Object.fromEntries(file.projects.columns.map((c, i) => [c, row[i]!])));
}
