/**
 * Writes a Pabulib `.pb` file (https://pabulib.org/format) with csv-stringify (maintained): `;`-separated,
 * quoted only where a value holds `;`, a quote or a line break, as the format asks. Lines end in LF.
 */
import { stringify } from 'csv-stringify/sync';
import type { PabulibFile } from './parse';

const rows = (r: readonly (readonly string[])[]) =>
  r.length ? stringify(r as string[][], { delimiter: ';', record_delimiter: '\n' }) : '';

export function writePabulib(file: PabulibFile): string {
  let out = 'META\n' + rows([['key', 'value'], ...file.meta]);
  out += 'PROJECTS\n' + rows([file.projects.columns, ...file.projects.rows]);
  if (file.votes) out += 'VOTES\n' + rows([file.votes.columns, ...file.votes.rows]);
  return out;
}
