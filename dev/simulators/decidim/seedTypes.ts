/**
 * The seed of one simulated Decidim installation (one organization): version-neutral, with UTC instants.
 * The simulator renders it per version (docs/upstreams/decidim.md §3, §7): categories and scopes on ≤0.29, taxonomies on
 * 0.30+, `state: "withdrawn"` on ≤0.28 and the `withdrawn` flag on 0.29+, and so on.
 * All of it is invented data for tests and the local sandbox.
 */

/** One value of a TranslatedField (docs/upstreams/decidim.md §3 `LocalizedString`). */
export interface SeedText {
  locale: string;
  text: string;
  machineTranslated?: boolean;
}
export type Translated = SeedText[];

/** A category (per space, ≤0.29) or a scope (per organization, ≤0.29). */
export interface SeedClassifier {
  id: string;
  name: Translated;
}

/** A taxonomy (0.30+, docs/upstreams/decidim.md §3 `Taxonomy`); roots have parentId null. */
export interface SeedTaxonomy {
  id: string;
  name: Translated;
  parentId: string | null;
}

/** Fields that replace the rendered ones, as they go out over GraphQL (tests use it to make a bad record). */
export type Overrides = Record<string, unknown>;

/** A file attached to a proposal or project (docs/upstreams/decidim.md §3 `Attachment`): a path on the installation. */
export interface SeedAttachment {
  /** Path under the installation's host, e.g. `/rails/active_storage/blobs/redirect/…/foto.jpg`. */
  path: string;
  title: Translated;
  /** Whether Decidim makes a thumbnail (images only: `thumbnail` is null for documents). */
  image: boolean;
}

export interface SeedProposal {
  id: string;
  reference: string;
  title: Translated;
  body: Translated;
  answer: Translated | null;
  /** The state token as 0.29+ stores it: null, evaluating, accepted, rejected, not_answered or a custom token (docs/upstreams/decidim.md §4.3). */
  state: string | null;
  /** What ≤0.28 shows instead of a custom token (fixed states there); defaults to `state`. */
  legacyState?: string | null;
  /** Title of the custom state (0.31 `proposalState.title`); defaults to the token. */
  stateTitle?: Translated;
  withdrawnAt: string | null;
  /** Hidden by a moderator: returned unmarked before the auth layer, a null node with it (docs/upstreams/decidim.md §4.4). */
  hidden: boolean;
  /** null: a draft, never returned (docs/upstreams/decidim.md §4.4). */
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  answeredAt: string | null;
  official: boolean;
  voteCount: number;
  endorsementsCount: number;
  commentsCount: number;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  categoryId: string | null;
  scopeId: string | null;
  taxonomyIds: string[];
  authorName: string | null;
  attachments?: SeedAttachment[];
  overrides?: Overrides;
}

export interface SeedProject {
  id: string;
  reference: string;
  title: Translated;
  description: Translated;
  budgetAmount: number;
  /** `selected` is `selected_at` present (docs/upstreams/decidim.md §3 Project). */
  selectedAt: string | null;
  confirmedVotes: number;
  createdAt: string;
  updatedAt: string;
  categoryId: string | null;
  scopeId: string | null;
  taxonomyIds: string[];
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  attachments?: SeedAttachment[];
  /** Linked proposals (0.31 `relatedProposals`). */
  relatedProposalIds: string[];
  commentsCount: number;
  overrides?: Overrides;
}

export interface SeedBudget {
  id: string;
  title: Translated;
  description: Translated;
  totalBudget: number;
  createdAt: string;
  updatedAt: string;
  scopeId: string | null;
  projects: SeedProject[];
  overrides?: Overrides;
}

export interface SeedComponent {
  id: string;
  /** Manifest name; `accountability` stands for a type without its own API type (`__typename: "Component"`). */
  manifest: 'proposals' | 'budgets' | 'accountability';
  name: Translated;
  weight: number;
  /** Unpublished components: dropped before 0.30, a null entry in `components` from 0.30 (docs/upstreams/decidim.md §4.4). */
  published: boolean;
  /** Proposals: votes hidden, so `voteCount` is null. Budgets: show_votes off, so `confirmedVotes` is null (§8 note 10). */
  votesHidden: boolean;
  proposals: SeedProposal[];
  budgets: SeedBudget[];
}

export interface SeedStep {
  title: Translated;
  startDate: string;
  endDate: string;
  active: boolean;
}

export interface SeedSpace {
  id: string;
  slug: string;
  title: Translated;
  publishedAt: string;
  createdAt: string;
  categories: SeedClassifier[];
  components: SeedComponent[];
  /** Processes only. */
  steps: SeedStep[];
  /** Assemblies only: child assemblies (docs/upstreams/decidim.md §5.1 "Assemblies nest"). */
  children: SeedSpace[];
}

export interface DecidimSeed {
  municipality: string;
  organization: { name: Translated; referencePrefix: string };
  scopes: SeedClassifier[];
  taxonomies: SeedTaxonomy[];
  processes: SeedSpace[];
  assemblies: SeedSpace[];
}
