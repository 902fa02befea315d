/**
 * A `.pb` file's text → its validated META, projects and votes (docs/upstreams/pabulib.md §2–§4), or a
 * PabulibFormatError that names the line of the first problem. Beyond the format's own syntax (the parser,
 * services/core/pabulib/parse.ts), it refuses what would make the election wrong if read anyway: a value
 * of the wrong shape, a project or voter listed twice, a vote for a project that is not listed, points
 * that do not match the vote.
 */
import { PabulibFormatError, parsePabulib, type PabulibTable } from '../../../core/pabulib/parse';
import type { z } from 'zod';
import {
  metaSchema,
  type PabulibMeta,
  type PabulibProjectRow,
  type PabulibVoteRow,
  projectRowSchema,
  voteRowSchema,
} from './upstreamSchemas';

export interface Election {
  meta: PabulibMeta;
  projects: PabulibProjectRow[];
  /** Null when the file has no VOTES section. */
  votes: PabulibVoteRow[] | null;
}

function parsed<T extends z.ZodType>(schema: T, value: unknown, line: number, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new PabulibFormatError(line, `${where} ${issue.path.join('.') || 'row'}: ${issue.message}`);
}

const records = (t: PabulibTable) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]!])));

export function readElection(text: string): Election {
  const file = parsePabulib(text, { lines: true });
  const metaLine = (key: string) => file.metaLines![file.meta.findIndex(([k]) => k === key)] ?? 1;
  const metaResult = metaSchema.safeParse(Object.fromEntries(file.meta));
  if (!metaResult.success) {
    const issue = metaResult.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    throw new PabulibFormatError(metaLine(key), `META ${key}: ${issue.message}`);
  }
  const projectLines = file.projects.lines!;
  const projects = records(file.projects).map((r, i) => parsed(projectRowSchema, r, projectLines[i]!, 'PROJECTS'));
  const ids = new Set<string>();
  projects.forEach((p, i) => {
    if (ids.has(p.project_id))
      throw new PabulibFormatError(projectLines[i]!, `PROJECTS project_id ${p.project_id} is listed twice`);
    ids.add(p.project_id);
  });
  if (!file.votes) return { meta: metaResult.data, projects, votes: null };

  const voteLines = file.votes.lines!;
  const voters = new Set<string>();
  const votes = records(file.votes).map((r, i) => {
    const line = voteLines[i]!;
    const v = parsed(voteRowSchema, r, line, 'VOTES');
    if (voters.has(v.voter_id)) throw new PabulibFormatError(line, `VOTES voter_id ${v.voter_id} is listed twice`);
    voters.add(v.voter_id);
    const unknown = v.vote.find((id) => !ids.has(id));
    if (unknown !== undefined)
      throw new PabulibFormatError(line, `VOTES vote names project ${unknown}, which PROJECTS does not list`);
    if (new Set(v.vote).size !== v.vote.length) throw new PabulibFormatError(line, 'VOTES vote names a project twice');
    if (v.points && v.points.length !== v.vote.length)
      throw new PabulibFormatError(line, `VOTES points has ${v.points.length} items for ${v.vote.length} projects`);
    return v;
  });
  return { meta: metaResult.data, projects, votes };
}
