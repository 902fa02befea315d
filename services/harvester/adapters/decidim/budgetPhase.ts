/**
 * Budget phase (data-model §4.6): the API has no phase on budgets, so, first match wins:
 * 1. the process step whose dates contain the harvest time, when `phaseSteps` maps its position;
 * 2. a configured `phase` for the source (data-model §2.9 override);
 * 3. some project `selected` (chosen for execution) → FINISHED;
 * 4. otherwise UNKNOWN. `votingPeriod` is the span of the step mapped to VOTING, else null.
 */
import type { BudgetPhase } from '../../../core/model';

export interface PhaseInput {
  steps: { startDate: string | null; endDate: string | null }[] | null;
  anySelected: boolean;
  harvestedAt: string;
  phaseSteps: Record<string, BudgetPhase>;
  phase?: BudgetPhase | undefined;
  timeZone: string;
}

export interface PhaseResult {
  phase: BudgetPhase;
  platformPhase: string | null;
  votingPeriod: { start: string | null; end: string | null } | null;
}

function offsetMs(timeZone: string, utcMs: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(utcMs))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

/** A step date as a UTC instant: a 0.27 `Date` is the start or end of that day in `timeZone` (data-model §2.2). */
export function stepInstant(value: string | null, edge: 'start' | 'end', timeZone: string): string | null {
  if (!value) return null;
  const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (!day) return new Date(value).toISOString();
  const local =
    edge === 'start'
      ? Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!)
      : Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!, 23, 59, 59, 999);
  return new Date(local - offsetMs(timeZone, local)).toISOString();
}

/** The phase of one budget per the rules above. */
export function budgetPhase(input: PhaseInput): PhaseResult {
  const spans = (input.steps ?? []).map((s) => ({
    start: stepInstant(s.startDate, 'start', input.timeZone),
    end: stepInstant(s.endDate, 'end', input.timeZone),
  }));
  const votingStep = Object.entries(input.phaseSteps).find(([, phase]) => phase === 'VOTING')?.[0];
  const votingSpan = votingStep !== undefined ? spans[Number(votingStep)] : undefined;
  const votingPeriod = votingSpan ? { start: votingSpan.start, end: votingSpan.end } : null;
  const current = spans.findIndex(
    (s) => s.start !== null && s.end !== null && s.start <= input.harvestedAt && input.harvestedAt <= s.end,
  );
  const mapped = current >= 0 ? input.phaseSteps[String(current)] : undefined;
  if (mapped) return { phase: mapped, platformPhase: `step:${current}`, votingPeriod };
  if (input.phase) return { phase: input.phase, platformPhase: null, votingPeriod };
  if (input.anySelected) return { phase: 'FINISHED', platformPhase: null, votingPeriod };
  return { phase: 'UNKNOWN', platformPhase: null, votingPeriod };
}
