import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaValue, parsePabulib, PabulibFormatError, projectRecords } from '../parse';

/** Real elections, read from ../shared/data (their licence is unstated: never copied into the repository). */
const DATA = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'pabulib');
const files = readdirSync(DATA).filter((f) => f.endsWith('.pb'));

describe('the Pabulib reader', () => {
  it('finds the real files', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)('reads %s with the counts its META declares', (name) => {
    const file = parsePabulib(readFileSync(join(DATA, name), 'utf8'));
    expect(file.projects.rows).toHaveLength(Number(metaValue(file, 'num_projects')));
    expect(file.votes?.rows ?? []).toHaveLength(Number(metaValue(file, 'num_votes')));
    for (const p of projectRecords(file)) {
      expect(p.cost).toMatch(/^\d+$/);
      expect(p.votes ?? '0').toMatch(/^\d+$/);
    }
  });

  it('unquotes CSV-quoted names', () => {
    const file = parsePabulib(readFileSync(join(DATA, 'Netherlands_Amsterdam_212.pb'), 'utf8'));
    expect(projectRecords(file).find((p) => p.project_id === '16546')?.name).toBe(
      'Help mee met zwerfafval oprapen op "Schone Buurt Dag"',
    );
  });

  it('copes with a stray LF in a CRLF file', () => {
    const file = parsePabulib(readFileSync(join(DATA, 'Netherlands_Amsterdam_335.pb'), 'utf8'));
    expect(metaValue(file, 'categories')).toBeDefined();
    expect(file.meta.every(([k]) => !k.includes('\n'))).toBe(true);
  });

  it.each([
    [
      'a row with too many fields',
      'META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost;votes\n1;10;5\n2;20;3;extra\n',
      7,
    ],
    ['a missing META', 'PROJECTS\nproject_id;cost\n1;10\n', 1],
    ['a repeated META key', 'META\nkey;value\nbudget;100\nbudget;200\nPROJECTS\nproject_id;cost\n', 4],
    ['a bad PROJECTS header', 'META\nkey;value\nPROJECTS\ncost;project_id\n', 4],
    ['an unterminated quote', 'META\nkey;value\ndescription;"Buurt\nPROJECTS\nproject_id;cost\n', 3],
  ])('refuses %s with its line number', (_name, text, line) => {
    let error: unknown;
    try {
      parsePabulib(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PabulibFormatError);
    expect((error as PabulibFormatError).line).toBe(line);
  });

  it.each(files)('reads the VOTES of %s the same on the quote-free fast path as through csv-parse', (name) => {
    const text = readFileSync(join(DATA, name), 'utf8');
    const fast = parsePabulib(text, { lines: true });
    // One quoted cell in VOTES (the first voter id) sends the whole file through csv-parse.
    const at = text.indexOf('\n', text.search(/^VOTES\r?$/m) + 6) + 1;
    const end = text.indexOf(';', at);
    const slow = parsePabulib(`${text.slice(0, at)}"${text.slice(at, end)}"${text.slice(end)}`, { lines: true });
    expect(slow.votes).toEqual(fast.votes);
  });
});
