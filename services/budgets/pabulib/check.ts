/**
 * Pabulib's checker (github.com/pabulib/checker, `pabulib/checker.py`), re-stated in TypeScript: it is
 * Python and cannot run here, so Inspraak's tests hold our exports to the same rules with this. A file
 * with no errors is one the checker accepts; warnings are what it merely remarks on. Not covered: the
 * checker's country and language look-ups (pycountry), which are approximated by shape, and its soft
 * label-normalisation warnings.
 */
import { equalShares, equalSharesAdd1 } from '../outcome/equalShares';
import { greedyByVotes, greedyNoSkip } from '../outcome/greedy';
import {
  CHECKER_RULES,
  type FieldRule,
  META_FIELDS,
  PROJECT_FIELDS,
  VOTE_FIELDS,
  VOTE_TYPES,
} from '../../core/pabulib/fields';
import { type PabulibFile, PabulibFormatError, parsePabulib } from '../../core/pabulib/parse';

export interface CheckResult {
  errors: string[];
  warnings: string[];
}

type Row = Record<string, string>;
const OBLIGATORY_SECTIONS = ['META', 'PROJECTS', 'VOTES'];
const LIST_FIELDS = new Set([
  'categories',
  'neighborhoods',
  'subdistricts',
  'budget_per_category',
  'budget_per_neighborhood',
  'min_sum_cost_per_category',
  'max_sum_cost_per_category',
  'category',
  'beneficiaries',
  'vote',
  'points',
]);

/** Checks a `.pb` file's text as Pabulib's checker does. */
export function checkPabulib(text: string): CheckResult {
  const out: CheckResult = { errors: [], warnings: [] };
  let file: PabulibFile;
  try {
    file = parsePabulib(text);
  } catch (e) {
    if (e instanceof PabulibFormatError) return { errors: [e.message], warnings: [] };
    throw e;
  }
  const markers = text.split(/\r?\n/).map((l) => l.trim());
  const order = OBLIGATORY_SECTIONS.map((s) => markers.indexOf(s));
  const missing = OBLIGATORY_SECTIONS.filter((_, i) => order[i] === -1);
  if (missing.length) out.errors.push(`missing required sections: ${missing.join(', ')}`);
  else if (!(order[0]! < order[1]! && order[1]! < order[2]!))
    out.errors.push('sections must appear in the order META, PROJECTS, VOTES');

  const meta: Row = Object.fromEntries(file.meta);
  const rows = (t: { columns: string[]; rows: string[][] } | null): Row[] =>
    (t?.rows ?? []).map((r) => Object.fromEntries(t!.columns.map((c, i) => [c, r[i] ?? ''])));
  const projects = rows(file.projects);
  const votes = rows(file.votes);
  for (const [where, cells] of [
    ['META', file.meta.flat()],
    ['PROJECTS', [...file.projects.columns, ...file.projects.rows.flat()]],
    ['VOTES', [...(file.votes?.columns ?? []), ...(file.votes?.rows.flat() ?? [])]],
  ] as const)
    for (const c of cells)
      if (c !== c.trim()) out.errors.push(`${where} has a cell with surrounding whitespace: "${c}"`);
  for (const [where, records] of [
    ['META', [meta]],
    ['PROJECTS', projects],
    ['VOTES', votes],
  ] as const)
    for (const r of records)
      for (const [k, v] of Object.entries(r))
        if (LIST_FIELDS.has(k) && v.split(',').some((x) => x !== x.trim()))
          out.errors.push(`${where} field ${k}: whitespace around a list separator in "${v}"`);

  checkFields(out, 'meta', [meta], Object.keys(meta), META_FIELDS);
  checkFields(out, 'projects', projects, file.projects.columns, PROJECT_FIELDS);
  checkFields(out, 'votes', votes, file.votes?.columns ?? [], VOTE_FIELDS);
  checkMeta(out, meta);
  checkCounts(out, meta, projects, votes, file.projects.columns);
  checkBudget(out, meta, projects);
  checkSelected(out, meta, projects, votes);
  return out;
}

function checkFields(out: CheckResult, name: string, records: Row[], columns: string[], known: readonly FieldRule[]) {
  const names = known.map((k) => k.name);
  const unknown = columns.filter((c) => !names.includes(c) && !(name === 'meta' && c === 'key'));
  if (unknown.length) out.errors.push(`${name} contains not known fields: ${unknown.join(', ')}`);
  const present = columns.filter((c) => names.includes(c));
  const sorted = [...present].sort((a, b) => names.indexOf(a) - names.indexOf(b));
  if (present.join() !== sorted.join()) out.warnings.push(`wrong ${name} fields order; should be ${sorted.join(', ')}`);
  if (records.length === 0) return;
  for (const rule of known) {
    if (rule.obligatory && !columns.includes(rule.name))
      out.errors.push(`${name} field '${rule.name}' is required but missing`);
  }
  for (const r of records)
    for (const rule of known) {
      const v = r[rule.name];
      if (v === undefined) continue;
      if (v === '') {
        if (!rule.nullable)
          out.errors.push(`${name} field '${rule.name}' cannot be empty (${r.project_id ?? r.voter_id ?? 'META'})`);
        continue;
      }
      if ((rule.type === 'int' && !/^-?\d+$/.test(v)) || (rule.type === 'float' && Number.isNaN(Number(v))))
        out.errors.push(`${name} field '${rule.name}' is not ${rule.type === 'int' ? 'an integer' : 'a number'}: ${v}`);
    }
}

const date = (v: string | undefined) => {
  if (!v) return null;
  if (/^\d{4}$/.test(v)) return `${v}-01-01`;
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
};

function checkMeta(out: CheckResult, meta: Row) {
  if (meta.vote_type && !(VOTE_TYPES as readonly string[]).includes(meta.vote_type))
    out.errors.push(`invalid vote_type '${meta.vote_type}'`);
  if (meta.rule && !(CHECKER_RULES as readonly string[]).includes(meta.rule))
    out.errors.push(`unknown rule value '${meta.rule}'`);
  const begin = date(meta.date_begin);
  const end = date(meta.date_end);
  if (begin === undefined) out.errors.push(`invalid date_begin '${meta.date_begin}'`);
  if (end === undefined) out.errors.push(`invalid date_end '${meta.date_end}'`);
  if (begin && end && begin > end) out.errors.push('date_end is earlier than date_begin');
  if (meta.language !== undefined && !/^[a-z]{2}$/.test(meta.language))
    out.errors.push(`wrong language ISO 639-1 code: ${meta.language}`);
  if (meta.currency !== undefined && !/^[A-Z]{3}$/.test(meta.currency))
    out.errors.push(`wrong currency ISO 4217 code: ${meta.currency}`);
  for (const k of ['fully_funded', 'experimental'])
    if (meta[k] !== undefined && meta[k] !== '1') out.errors.push(`invalid ${k} value '${meta[k]}'`);
  if (meta.comment !== undefined) {
    if (!meta.comment.startsWith('#1: ')) out.errors.push("comment should follow the '#1: ' format");
    const numbers = [...meta.comment.matchAll(/#(\d+):/g)].map((m) => Number(m[1]));
    if (numbers.some((n, i) => n !== i + 1)) out.warnings.push('non-sequential comment numbering');
  }
  if (meta.rule === 'greedy' && 'min_project_score_threshold' in meta)
    out.errors.push("rule 'greedy' with min_project_score_threshold: should be 'greedy-threshold'");
  if (meta.rule === 'greedy-threshold' && !('min_project_score_threshold' in meta))
    out.errors.push("rule 'greedy-threshold' without min_project_score_threshold");
  if (meta.vote_type === 'approval' || meta.vote_type === 'choose-1')
    for (const k of ['min_points', 'max_points', 'min_sum_points', 'max_sum_points', 'default_score'])
      if (meta[k]) out.warnings.push(`field '${k}' should not be used with vote_type '${meta.vote_type}'`);
  if (meta.vote_type === 'choose-1')
    for (const k of ['min_length', 'max_length'])
      if (meta[k] && meta[k] !== '1') out.errors.push(`for vote_type 'choose-1', ${k} must be 1`);
  if (meta.vote_type !== 'choose-1' && meta.max_length === '1')
    out.warnings.push("max_length is 1 but vote_type is not 'choose-1'");
  if (meta.max_length && meta.num_projects && Number(meta.max_length) > Number(meta.num_projects))
    out.errors.push('max_length cannot be higher than num_projects');
}

const list = (v: string | undefined) => (v ?? '').split(',').filter((x) => x.trim() !== '');

function checkCounts(out: CheckResult, meta: Row, projects: Row[], votes: Row[], columns: string[]) {
  if (meta.num_projects !== undefined && Number(meta.num_projects) !== projects.length)
    out.errors.push(`projects number in META: ${meta.num_projects} vs counted: ${projects.length}`);
  if (meta.num_votes !== undefined && meta.num_votes !== '' && Number(meta.num_votes) !== votes.length)
    out.errors.push(`votes number in META: ${meta.num_votes} vs counted: ${votes.length}`);
  const ids = new Set(projects.map((p) => p.project_id!));
  if (ids.size !== projects.length) out.errors.push('duplicated project_id');
  if (new Set(votes.map((v) => v.voter_id)).size !== votes.length) out.errors.push('duplicated voter_id');
  const counted = new Map<string, number>();
  const min = meta.min_length ? Number(meta.min_length) : null;
  const max = meta.max_length ? Number(meta.max_length) : null;
  for (const v of votes) {
    const chosen = list(v.vote);
    if (new Set(chosen).size !== chosen.length) out.errors.push(`vote with duplicated projects: voter ${v.voter_id}`);
    for (const id of chosen) {
      if (!ids.has(id)) out.errors.push(`voter ${v.voter_id} voted for project ${id}, which is not in PROJECTS`);
      counted.set(id, (counted.get(id) ?? 0) + 1);
    }
    if (max !== null && chosen.length > max) out.errors.push(`vote length exceeded: voter ${v.voter_id}`);
    if (min !== null && chosen.length < min) out.errors.push(`vote length too short: voter ${v.voter_id}`);
    if ((meta.vote_type === 'approval' || meta.vote_type === 'choose-1') && v.points)
      out.errors.push(`voter ${v.voter_id} gives points, which vote_type ${meta.vote_type} does not use`);
    if (meta.vote_type === 'choose-1' && chosen.length !== 1)
      out.errors.push(`voter ${v.voter_id} chose ${chosen.length} projects in a choose-1 ballot`);
  }
  if (!columns.includes('votes') && !columns.includes('score')) out.warnings.push('no votes or score in PROJECTS');
  if (columns.includes('votes'))
    for (const p of projects) {
      const n = counted.get(p.project_id!) ?? 0;
      if (Number(p.votes || 0) !== n)
        out.errors.push(`project ${p.project_id}: votes in PROJECTS ${p.votes || 0} vs counted from VOTES ${n}`);
    }
  for (const p of projects)
    if (p.latitude !== undefined && (p.latitude === '') !== (p.longitude === ''))
      out.errors.push(`project ${p.project_id}: latitude and longitude must both be given or both be empty`);
}

const units = (v: string | undefined) => Math.floor(Number((v ?? '').replace(',', '.')) || 0);

function checkBudget(out: CheckResult, meta: Row, projects: Row[]) {
  const budget = units(meta.budget);
  let spent = 0;
  let all = 0;
  for (const p of projects) {
    const cost = units(p.cost);
    all += cost;
    if (p.selected === '1') spent += cost;
    if (cost === 0) out.errors.push(`project ${p.project_id} has no cost`);
    else if (cost > budget && cost !== 999999999) out.errors.push(`project ${p.project_id} exceeds the whole budget`);
    if (p.selected !== undefined && p.selected !== '' && !['0', '1', '2', '3'].includes(p.selected))
      out.errors.push(`project ${p.project_id}: invalid selected value '${p.selected}'`);
  }
  if (spent > budget) out.errors.push(`budget exceeded: ${budget}, cost of selected projects ${spent}`);
  if (meta.fully_funded === '1') {
    if (budget < all) out.errors.push('wrong fully_funded flag: the budget is lower than the cost of all projects');
  } else if (budget >= all) out.errors.push('all projects funded, but fully_funded is not 1');
}

/** The `selected` column against the rule, as the checker verifies it. */
function checkSelected(out: CheckResult, meta: Row, projects: Row[], votes: Row[]) {
  if (projects.length === 0 || projects[0]!.selected === undefined) {
    out.warnings.push("PROJECTS has no 'selected' field; rule compliance cannot be verified");
    return;
  }
  const rule = meta.rule ?? '';
  const budget = units(meta.budget);
  const field = 'score' in projects[0]! ? 'score' : 'votes';
  const scored = projects.map((p) => ({ id: p.project_id!, cost: Number(p.cost), votes: Number(p[field] || 0) }));
  let expected: string[] | null = null;
  if (rule === 'greedy' || rule === 'greedy-threshold')
    expected = greedyByVotes(scored, budget, Number(meta.min_project_score_threshold ?? 0));
  else if (rule === 'greedy-no-skip') expected = greedyNoSkip(scored, budget);
  else if (rule === 'equalshares' || rule === 'equalshares/add1') {
    if (meta.vote_type !== 'approval') {
      out.warnings.push(`rule ${rule} is verified only for approval ballots`);
      return;
    }
    const e = {
      projects: projects.map((p) => ({ id: p.project_id!, cost: units(p.cost) })),
      ballots: votes.map((v) => list(v.vote)),
      budget,
    };
    expected = rule === 'equalshares' ? equalShares(e, 'approval') : equalSharesAdd1(e, 'approval');
  } else if (rule === 'unknown') out.warnings.push("rule is 'unknown': rule compliance cannot be verified");
  if (!expected) return;
  const want = new Set(expected);
  const got = new Set(projects.filter((p) => p.selected === '1').map((p) => p.project_id!));
  const missing = [...want].filter((id) => !got.has(id));
  const extra = [...got].filter((id) => !want.has(id));
  if (missing.length || extra.length)
    out.errors.push(
      `${rule} rule not followed: not selected but should be [${missing.sort().join(', ')}], selected but should not be [${extra.sort().join(', ')}]`,
    );
}
