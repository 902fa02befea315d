import {
  BUDGET_PHASES,
  type ConsulBudgetPhase,
  type ConsulInvestment,
  type ConsulPhase,
  type ConsulProposal,
  type Translated,
} from './seedTypes';

/** Dutch-only text. */
export function nl(text: string): Translated {
  return { nl: text };
}

type ProposalInput = Pick<ConsulProposal, 'id' | 'createdAt' | 'cachedVotesUp' | 'authorId'> &
  Partial<Omit<ConsulProposal, 'title' | 'summary' | 'description'>> & {
    title: Translated | string;
    summary: Translated | string;
    description: Translated | string;
  };

/** A proposal with CONSUL's defaults for what a seed entry leaves out (not retired, no video). */
export function proposal(input: ProposalInput): ConsulProposal {
  const tr = (t: Translated | string): Translated => (typeof t === 'string' ? nl(t) : t);
  return {
    commentsCount: 0,
    retiredAt: null,
    retiredReason: null,
    retiredExplanation: null,
    videoUrl: null,
    geozoneId: null,
    tagIds: [],
    ...input,
    title: tr(input.title),
    summary: tr(input.summary),
    description: tr(input.description),
  };
}

type InvestmentInput = Pick<ConsulInvestment, 'id' | 'budgetId' | 'headingId' | 'price' | 'feasibility' | 'authorId'> &
  Partial<Omit<ConsulInvestment, 'title' | 'description' | 'winner'>> & { title: string; description: string };

/** An investment; `winner` is left false for `calculateWinners` (docs/upstreams/consul.md §5.2) to set. */
export function investment(input: InvestmentInput): ConsulInvestment {
  return {
    location: null,
    selected: false,
    incompatible: false,
    ballotLinesCount: 0,
    cachedVotesUp: 0,
    commentsCount: 0,
    milestones: [],
    ...input,
    title: nl(input.title),
    description: nl(input.description),
    winner: false,
  };
}

/** The default Dutch name of each phase kind, as a Dutch installation shows it. */
const PHASE_NAMES: Record<ConsulBudgetPhase, string> = {
  informing: 'Informatie',
  accepting: 'Projecten indienen',
  reviewing: 'Projecten bekijken',
  selecting: 'Steun verzamelen',
  valuating: 'Projecten beoordelen',
  publishing_prices: 'Kosten bekend',
  balloting: 'Stemmen',
  reviewing_ballots: 'Stemmen tellen',
  finished: 'Uitslag',
};

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * The nine phases of a budget as CONSUL creates them (`Budget#generate_phases`): each a month long, one after
 * the other from `start`, every one enabled except those in `disabled`.
 */
export function monthlyPhases(start: string, disabled: ConsulBudgetPhase[] = []): ConsulPhase[] {
  return BUDGET_PHASES.map((kind, i) => ({
    kind,
    name: PHASE_NAMES[kind],
    startsAt: addMonths(start, i),
    endsAt: addMonths(start, i + 1),
    enabled: !disabled.includes(kind),
  }));
}
