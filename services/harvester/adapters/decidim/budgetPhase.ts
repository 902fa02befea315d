/**
 * Budget phase (data-model §4.6): the API has no phase on budgets, so, first match wins:
 * 1. the process step whose dates contain the harvest time, when `phaseSteps` maps its position;
 * 2. a configured `phase` for the source (data-model §2.9 override);
 * 3. some project `selected` (chosen for execution) → FINISHED;
 * 4. otherwise UNKNOWN. `votingPeriod` is the span of the step mapped to VOTING, else null.
 */
import { dayInstant } from '../../../core/days';
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

/** The phase of one budget per the rules above. */
export function budgetPhase(input: PhaseInput): PhaseResult {
  const spans = (input.steps ?? []).map((s) => ({
    start: dayInstant(s.startDate, 'start', input.timeZone),
    end: dayInstant(s.endDate, 'end', input.timeZone),
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
