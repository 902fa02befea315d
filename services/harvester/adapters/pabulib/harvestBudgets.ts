/**
 * Harvest of one Pabulib source: each listed `.pb` file, in order, is read (readPbFile.ts), validated
 * (readElection.ts) and normalised into a budget, its projects and its anonymous ballots
 * (docs/upstreams/pabulib.md). A file that cannot be read or does not follow the format is reported with
 * its name, error code and (for the format) line, and the other files still arrive; what is stored for
 * it is kept. Only when no file could be read at all has the source failed.
 */
import { InspraakError } from '../../../core/errors';
import { makeId } from '../../../core/ids';
import type { AnonymousBallots, Budget, BudgetProject } from '../../../core/model';
import type { HarvestContext, HarvestResult } from '../../adapter';
import { anonymousBallots, withBallots } from '../../ballots';
import { budgetKey, normaliseBudget } from './normaliseBudget';
import { normaliseProject, projectKey } from './normaliseProject';
import { readElection } from './readElection';
import { readPbFile } from './readPbFile';
import type { PabulibSourceConfig } from './sourceSchema';

export async function harvestBudgets(ctx: HarvestContext<PabulibSourceConfig>): Promise<HarvestResult> {
  const result: HarvestResult & { ballots: AnonymousBallots[] } = {
    platformVersion: null,
    proposals: [],
    budgets: [],
    projects: [],
    ballots: [],
  };
  let unreadable: unknown = null;
  let read = 0;
  for (const file of ctx.source.files) {
    let text: string;
    try {
      text = await readPbFile(ctx, file);
      read++;
    } catch (e) {
      unreadable ??= e;
      skip(ctx, file, e);
      continue;
    }
    try {
      const { budget, projects, ballots } = harvestFile(ctx, file, text);
      result.budgets.push(budget);
      result.projects.push(...projects);
      if (ballots) result.ballots.push(ballots);
    } catch (e) {
      skip(ctx, file, e);
    }
  }
  if (read === 0 && unreadable) throw unreadable;
  return result;
}

/** One file's budget, projects and ballots; throws PabulibFormatError (with the line) on a bad file. */
function harvestFile(
  ctx: HarvestContext<PabulibSourceConfig>,
  file: string,
  text: string,
): { budget: Budget; projects: BudgetProject[]; ballots: AnonymousBallots | null } {
  const env = { source: ctx.source, harvestedAt: ctx.harvestedAt, timeZone: ctx.source.timeZone };
  const election = readElection(text);
  const key = budgetKey(file);
  const budgetId = makeId(ctx.source.id, 'budget', key);
  const url = ctx.source.baseUrl.startsWith('file:')
    ? null
    : new URL(encodeURIComponent(file), ctx.source.baseUrl.replace(/\/?$/, '/')).href;
  const budget = normaliseBudget(election, env, { file, url });
  const currency = budget.total?.currency ?? election.meta.currency ?? ctx.source.currency;
  // Ballots holding each project, for files whose PROJECTS has no `votes` column.
  const holding = new Map<string, number>();
  for (const v of election.votes ?? []) for (const id of v.vote) holding.set(id, (holding.get(id) ?? 0) + 1);
  const projects = election.projects.map((row, position) =>
    normaliseProject(row, env, {
      budgetId,
      budgetKey: key,
      position,
      currency,
      voteCount: election.votes ? (holding.get(row.project_id) ?? 0) : null,
    }),
  );
  // The file's voter ids only group nothing here (one row is one voter) and go no further than this call.
  const ballots = election.votes
    ? anonymousBallots(
        budgetId,
        election.votes.flatMap((v) =>
          v.vote.map((id, i) => ({ voter: v.voter_id, project: projectKey(key, id), points: v.points?.[i] })),
        ),
        projects.map((p) => p.provenance.upstreamId),
        ctx.source.minBallotVoters,
      )
    : null;
  return { budget: withBallots(budget, ballots), projects, ballots };
}

/**
 * Reports a file that did not arrive: its budget (by upstream id) and its projects (whose ids a bad file
 * may not yield, so none of this source's projects is tombstoned in this run) keep what is stored.
 */
function skip(ctx: HarvestContext<PabulibSourceConfig>, file: string, e: unknown) {
  const code = e instanceof InspraakError ? e.code : 'INTERNAL';
  const message = `${file}: ${code} ${e instanceof Error ? e.message : String(e)}`;
  ctx.report({ kind: 'budget', upstreamId: budgetKey(file), message });
  ctx.report({ kind: 'project', upstreamId: null, message: `${file}: projects kept as stored (${code})` });
}
