/**
 * Votes → anonymous ballots, inside the harvest run. A platform's vote list names its voters
 * (pseudonymously: OpenStad's `userId`); those ids are used here only to group one voter's votes, and
 * never leave this function. What comes out, and what is stored, is per voter only the set of chosen
 * projects (as indexes into the budget's project list, sorted, so the order of voting is lost), with
 * points where the ballot has them, in shuffled order: no id, no time. Nothing comes out for an
 * election with fewer than `minVoters` voters.
 */
import { createHash, randomInt } from 'node:crypto';
import type { AnonymousBallots, Budget } from '../core/model';

/** One vote row as a platform lists it: who (only for grouping), which project, and points if any. */
export interface VoteRow {
  voter: string;
  project: string;
  points?: number;
}

/**
 * @param projects the budget's upstream project ids; votes for other projects are dropped.
 * @returns the ballots, or null when fewer than `minVoters` voters chose a listed project.
 */
export function anonymousBallots(
  budgetId: string,
  rows: Iterable<VoteRow>,
  projects: readonly string[],
  minVoters: number,
): AnonymousBallots | null {
  const index = new Map(projects.map((p, i) => [p, i]));
  const byVoter = new Map<string, Map<number, number | undefined>>();
  for (const row of rows) {
    const i = index.get(row.project);
    if (i === undefined) continue;
    const ballot = byVoter.get(row.voter) ?? new Map<number, number | undefined>();
    byVoter.set(row.voter, ballot);
    ballot.set(i, row.points);
  }
  if (byVoter.size < minVoters) return null;
  const ballots = [...byVoter.values()].map((b) => {
    const vote = [...b.keys()].sort((x, y) => x - y);
    const points = vote.map((i) => b.get(i));
    return { vote, points: points.every((p) => p === undefined) ? null : points.map((p) => p ?? 0) };
  });
  // Fisher–Yates with a cryptographic source: the stored order says nothing about who voted when.
  for (let i = ballots.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [ballots[i], ballots[j]] = [ballots[j]!, ballots[i]!];
  }
  return { budgetId, projects: [...projects], ballots };
}

/**
 * The budget with the summary of its ballots. The digest is of the ballots in a canonical order, so a
 * re-shuffle of the same ballots is no change and writes nothing.
 */
export function withBallots(budget: Budget, ballots: AnonymousBallots | null): Budget {
  if (!ballots) return { ...budget, ballots: null };
  const canonical = ballots.ballots
    .map((b) => JSON.stringify([b.vote.map((i) => ballots.projects[i]), b.points]))
    .sort();
  const digest = createHash('sha256').update(canonical.join('\n')).digest('base64url');
  return { ...budget, ballots: { count: ballots.ballots.length, digest } };
}
