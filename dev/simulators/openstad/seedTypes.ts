/**
 * The seed a simulated OpenStad installation serves. One seed describes one installation (docs/upstreams/openstad.md §1):
 * a set of projects (H) — served as sites (A) when the simulator runs the legacy generation — each with
 * its own tags, statuses, vote configuration and resources (H) / ideas (A).
 *
 * The shape is deliberately small so that a test can load any data into it, e.g. a Pabulib election as
 * one budgeting project whose resources carry `budget` = cost and `yes` = votes:
 *
 * ```ts
 * const seed: OpenstadSeed = { projects: [{
 *   id: 7, name: 'duinoord-begroot', title: 'Duinoord Begroot',
 *   config: { votes: { voteType: 'budgeting', isViewable: true, isActive: false, minBudget: 1, maxBudget: 30000 } },
 *   resources: [{ id: 1, title: 'Bankjes', budget: 7800, yes: 143 }],
 * }] };
 * ```
 */

/** A tag of a project (docs/upstreams/openstad.md §2.6). `type` is free text; `theme` and `area` are the usual values. */
export interface OpenstadSeedTag {
  id: number;
  name: string;
  type?: string | null;
  seqnr?: number;
  label?: string | null;
}

/** A status of a project (docs/upstreams/openstad.md §2.6). Statuses are per project, free-text names, Dutch by default. */
export interface OpenstadSeedStatus {
  id: number;
  name: string;
  label?: string | null;
  seqnr?: number;
  /** `extraFunctionality.canLike`; false blocks voting on the resource (docs/upstreams/openstad.md §2.6). Default true. */
  canLike?: boolean;
}

/** The legacy idea status enum (docs/upstreams/openstad.md §1, `A:src/models/Idea.js`). */
export type OpenstadLegacyStatus = 'OPEN' | 'CLOSED' | 'ACCEPTED' | 'DENIED' | 'BUSY' | 'DONE';

/** An image: a URL, or an object as headless stores it (docs/upstreams/openstad.md §1, §2.5). */
export type OpenstadSeedImage = string | { url: string; description?: string; alt?: string };

/** One resource (H) / idea (A). Only `id` and `title` are required. */
export interface OpenstadSeedResource {
  id: number;
  title: string;
  summary?: string;
  /** HTML, as the server stores it after sanitising (docs/upstreams/openstad.md §2.5). */
  description?: string;
  /** Whole currency units. 0 is served as null, as the Resource setter stores `parseInt(x) || null` (docs/upstreams/openstad.md §2.5). */
  budget?: number | null;
  /** Count of `yes` votes (the count of ballots holding this resource in a budgeting project, docs/upstreams/openstad.md §4). */
  yes?: number;
  no?: number;
  /** Names of the project's statuses; a name not in `project.statuses` is added to the project. */
  statuses?: string[];
  /** Names of the project's tags; a name not in `project.tags` is added with type `theme`. */
  tags?: string[];
  location?: { lat: number; lng: number } | null;
  /** Image URLs; a URL starting with `/` is served under the simulator's base URL. */
  images?: OpenstadSeedImage[];
  /** Id of the resource this one was copied from (ideas → voting project), `extraData.originalId` (docs/upstreams/openstad.md §4). */
  originalId?: number;
  /** Manual ranking, `extraData.ranking` (docs/upstreams/openstad.md §4). */
  ranking?: number;
  /** Other extraData keys: served to anonymous callers by A only (H filters them, docs/upstreams/openstad.md §2.5). */
  extraData?: Record<string, unknown>;
  commentCount?: number;
  /** ISO instants; defaults are derived from the id. `publishDate: null` is a concept (hidden, §2.5). */
  createdAt?: string;
  updatedAt?: string;
  publishDate?: string | null;
  /** Soft-deleted resources are hidden (docs/upstreams/openstad.md §2.5 visibility). */
  deletedAt?: string | null;
  /** `all` unless set; other roles are hidden from anonymous callers (docs/upstreams/openstad.md §2.5). */
  viewableByRole?: string | null;
  /** The legacy status enum served by A; default OPEN. */
  legacyStatus?: OpenstadLegacyStatus;
  /** Keys merged over the rendered JSON last, e.g. to serve a malformed field in a test. */
  overrides?: Record<string, unknown>;
}

/** `config.votes` (docs/upstreams/openstad.md §2.7; legacy names in §3). Unset keys get the platform defaults. */
export interface OpenstadSeedVotes {
  isViewable?: boolean;
  isActive?: boolean;
  voteType?:
    | 'likes'
    | 'count'
    | 'budgeting'
    | 'countPerTag'
    | 'budgetingPerTag'
    | 'countPerTheme'
    | 'budgetingPerTheme';
  voteValues?: { label: string; value: string }[];
  minResources?: number;
  maxResources?: number;
  /** Absent from safeConfig when unset (docs/upstreams/openstad.md §7 note 5). */
  minBudget?: number;
  maxBudget?: number;
  requiredUserRole?: string;
  withExisting?: 'error' | 'replace' | 'merge';
}

export interface OpenstadSeedProject {
  id: number;
  /** Slug-like name, e.g. `duinoord-begroot`. */
  name: string;
  title?: string;
  /** `Project.url` (H) — defaults to `<simulator url>/<name>`. */
  url?: string;
  /** `Site.domain` (A) — defaults to `<name>.openstad.test`. */
  domain?: string;
  createdAt?: string;
  config?: {
    votes?: OpenstadSeedVotes;
    project?: { endDate?: string; projectHasEnded?: boolean };
    resources?: Record<string, unknown>;
    /** Turns off live vote counts (docs/upstreams/openstad.md §2.3). */
    archivedVotes?: boolean;
  };
  tags?: OpenstadSeedTag[];
  statuses?: OpenstadSeedStatus[];
  resources: OpenstadSeedResource[];
  /** Distinct voters for `/stats/…/vote/no-of-users`; default the highest `yes` count (a lower bound). */
  voterCount?: number;
  /**
   * The ballots behind the `yes` counts, one list of resource ids per voter, for the vote list
   * (`GET …/vote`); without them the list is synthesised from the counts.
   */
  ballots?: number[][];
}

export interface OpenstadSeed {
  /** A note on where the data comes from (the built-in seeds are invented). */
  note?: string;
  projects: OpenstadSeedProject[];
}
