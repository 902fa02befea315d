/**
 * The simulated CONSUL installation's database, in CONSUL's own terms (docs/upstreams/consul.md §5.2, §6): what the
 * simulator serves over GraphQL and HTML. Translatable fields are maps from locale to text
 * (Globalize, docs/upstreams/consul.md §2 "Locale").
 */

/** A translatable column: `{ nl: '…', en: '…' }`. */
export type Translated = Record<string, string>;

export interface ConsulUser {
  id: number;
  /** null for an erased account (docs/upstreams/consul.md §3.4). */
  username: string | null;
  /** false → `publicAuthor` is null (docs/upstreams/consul.md §3.4). */
  publicActivity: boolean;
}

export interface ConsulGeozone {
  id: number;
  name: string;
}

export interface ConsulTag {
  id: number;
  name: string;
  /** null for a user tag, "category" for an admin category (docs/upstreams/consul.md §4 Tag). */
  kind: 'category' | null;
}

/** One of `Proposal::RETIRE_OPTIONS` (docs/upstreams/consul.md §6). */
export type RetiredReason = 'duplicated' | 'started' | 'unfeasible' | 'done' | 'other';

export interface ConsulProposal {
  id: number;
  title: Translated;
  summary: Translated;
  /** Stored rich-text HTML (docs/upstreams/consul.md §3.3). */
  description: Translated;
  /** `created_at` as a UTC instant; served hour-truncated in Europe/Amsterdam (docs/upstreams/consul.md §3.3). */
  createdAt: string;
  /** Served verbatim instead of the formatted `createdAt`: lets a test plant a malformed record. */
  publicCreatedAtRaw?: string;
  cachedVotesUp: number;
  commentsCount: number;
  retiredAt: string | null;
  retiredReason: RetiredReason | null;
  retiredExplanation: Translated | null;
  videoUrl: string | null;
  geozoneId: number | null;
  authorId: number;
  tagIds: number[];
  /** Moderated (`hidden_at` set): gone from web and API (docs/upstreams/consul.md §6 "Hidden"). */
  hidden?: boolean;
  /** The proposal's image (`Imageable`): its path on the installation and its own title (the index's alt text). */
  image?: { path: string; title: string };
}

export const BUDGET_PHASES = [
  'informing',
  'accepting',
  'reviewing',
  'selecting',
  'valuating',
  'publishing_prices',
  'balloting',
  'reviewing_ballots',
  'finished',
] as const;
/** `Budget::Phase::PHASE_KINDS`, in order (docs/upstreams/consul.md §5.2). */
export type ConsulBudgetPhase = (typeof BUDGET_PHASES)[number];

export interface ConsulHeading {
  id: number;
  /** The name of the heading's group (`Budget::Group`, docs/upstreams/consul.md §5.2). */
  group: string;
  name: string;
  /** The money available in the heading, whole units (docs/upstreams/consul.md §5.2 Budget::Heading). */
  price: number;
  /** How many investments one ballot may hold in an approval budget (docs/upstreams/consul.md §5.2). */
  maxBallotLines: number;
}

/** One row of `Budget::Phase` (docs/upstreams/consul.md §5.2): one per kind, shown on the budget page when enabled. */
export interface ConsulPhase {
  kind: ConsulBudgetPhase;
  /** The phase name an administrator may change; defaults to the locale's name of the kind. */
  name: string;
  /** `starts_at` as a date, `YYYY-MM-DD`. */
  startsAt: string;
  /** `ends_at` as a date, `YYYY-MM-DD`: the first day after the phase (the page shows the day before). */
  endsAt: string;
  enabled: boolean;
}

export interface ConsulBudget {
  id: number;
  slug: string;
  name: Translated;
  phase: ConsulBudgetPhase;
  /** Not published = drafting: invisible to the API and the web (docs/upstreams/consul.md §3.4). */
  published: boolean;
  votingStyle: 'knapsack' | 'approval';
  hideMoney: boolean;
  /** `currency_symbol`, one of `€ $ £ ¥` (docs/upstreams/consul.md §5.2). */
  currencySymbol: string;
  /** The nine phases in kind order (docs/upstreams/consul.md §5.2). */
  phases: ConsulPhase[];
  /** The results report (`Budget.finished.results_enabled`, docs/upstreams/consul.md §5.3). */
  resultsEnabled: boolean;
  headings: ConsulHeading[];
}

export interface ConsulMilestone {
  id: number;
  title: string | null;
  description: string;
  /** `YYYY-MM-DD` (docs/upstreams/consul.md §3.3). */
  publicationDate: string;
}

export interface ConsulInvestment {
  id: number;
  budgetId: number;
  headingId: number;
  title: Translated;
  description: Translated;
  /** Whole units as a decimal string (BigInt, docs/upstreams/consul.md §3.3); null before valuation. */
  price: string | null;
  feasibility: 'undecided' | 'feasible' | 'unfeasible';
  location: string | null;
  /** On the ballot (CONSUL's `selected`, docs/upstreams/consul.md §5.2). */
  selected: boolean;
  incompatible: boolean;
  /** Computed by `calculateWinners` (docs/upstreams/consul.md §5.2 "Winners"), never set by hand in the seed. */
  winner: boolean;
  ballotLinesCount: number;
  cachedVotesUp: number;
  commentsCount: number;
  authorId: number;
  milestones: ConsulMilestone[];
  /** The investment's image (`Imageable`): its file path on the installation and its title (the alt text). */
  image?: { path: string; title: string };
  hidden?: boolean;
}

export interface ConsulSeed {
  /** CBS code of the municipality this installation belongs to. */
  municipality: string;
  /** The installation's enabled locales; the first is the default (docs/upstreams/consul.md §2 "Locale"). */
  locales: string[];
  /** `/consul.json` features; null = process switched off (docs/upstreams/consul.md §1). */
  features: Record<'debates' | 'proposals' | 'polls' | 'budgets' | 'legislation', 't' | null>;
  users: ConsulUser[];
  geozones: ConsulGeozone[];
  tags: ConsulTag[];
  proposals: ConsulProposal[];
  budgets: ConsulBudget[];
  investments: ConsulInvestment[];
}
