/**
 * The unified model: what every platform's records are normalised into, and what the store holds.
 * docs/data-model.md says, per platform, which upstream field becomes which field here.
 * Times are ISO 8601 strings in UTC with milliseconds (`2025-03-04T17:00:00.000Z`), so they sort as text.
 */
import { z } from 'zod';
import { SOURCE_ID_PATTERN } from './ids';
import { PLATFORMS } from './platforms';

export { PLATFORMS, type Platform } from './platforms';
export const platformSchema = z.enum(PLATFORMS);

/** A UTC instant as `toISOString()` writes it. */
export const instantSchema = z.iso.datetime({ offset: false, precision: 3 });

export const municipalityCodeSchema = z
  .string()
  .regex(/^GM\d{4}$/, 'a CBS municipality code is GM followed by four digits');

export const geoPointSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

export const formattedTextSchema = z.object({ html: z.string(), text: z.string() });
export type FormattedText = z.infer<typeof formattedTextSchema>;

export const tagSchema = z.object({ name: z.string().min(1), kind: z.enum(['THEME', 'AREA', 'FREE']) });
export type Tag = z.infer<typeof tagSchema>;

export const locationSchema = z.object({
  point: geoPointSchema.nullable(),
  address: z.string().nullable(),
});
export type Location = z.infer<typeof locationSchema>;

export const imageSchema = z.object({ url: z.string().min(1), alt: z.string().nullable() });
export type Image = z.infer<typeof imageSchema>;

export const platformStatusSchema = z.object({ code: z.string().min(1), label: z.string().nullable() });
export type PlatformStatus = z.infer<typeof platformStatusSchema>;

export const provenanceSchema = z.object({
  sourceId: z.string().min(1),
  platform: platformSchema,
  upstreamId: z.string().min(1),
  upstreamReference: z.string().nullable(),
  harvestedAt: instantSchema,
  /** The content's licence as declared for its source (SPDX id or URL); absent or null: unknown. */
  licence: z.string().min(1).nullable().optional(),
  /** Whom to credit, as declared for its source; absent or null: not declared. */
  attribution: z.string().min(1).nullable().optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const moneySchema = z.object({
  /** Integer minor units (cents). Never a float. */
  amountMinor: z.number().int().refine(Number.isSafeInteger, 'amount must be a safe integer'),
  /** ISO 4217 code. */
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof moneySchema>;

export const translationSchema = z.object({
  locale: z.string().min(2),
  title: z.string(),
  summary: z.string().nullable(),
  body: formattedTextSchema,
  machineTranslated: z.boolean(),
});
export type Translation = z.infer<typeof translationSchema>;

/** A budget's or a project's title and description in one language, as the platform publishes them. */
export const textTranslationSchema = z.object({
  locale: z.string().min(2),
  title: z.string(),
  description: formattedTextSchema,
  machineTranslated: z.boolean(),
});
export type TextTranslation = z.infer<typeof textTranslationSchema>;

export const PROPOSAL_STATUSES = [
  'OPEN',
  'UNDER_REVIEW',
  'SHORTLISTED',
  'ACCEPTED',
  'REJECTED',
  'IN_PROGRESS',
  'COMPLETED',
  'WITHDRAWN',
  'CLOSED',
  'UNKNOWN',
] as const;
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

const count = z.number().int().min(0).nullable();

export const proposalSchema = z.object({
  id: z.string().min(1),
  municipalityCode: municipalityCodeSchema,
  title: z.string(),
  summary: z.string().nullable(),
  body: formattedTextSchema,
  locale: z.string().min(2),
  translations: z.array(translationSchema),
  status: proposalStatusSchema,
  platformStatus: platformStatusSchema.nullable(),
  supportCount: count,
  opposeCount: count,
  commentCount: count,
  createdAt: instantSchema.nullable(),
  publishedAt: instantSchema.nullable(),
  updatedAt: instantSchema.nullable(),
  tags: z.array(tagSchema),
  area: z.string().nullable(),
  location: locationSchema.nullable(),
  images: z.array(imageSchema),
  url: z.string().nullable(),
  provenance: provenanceSchema,
  removedAt: instantSchema.nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const BUDGET_PHASES = [
  'INFORMING',
  'COLLECTING',
  'REVIEWING',
  'VOTING',
  'COUNTING',
  'FINISHED',
  'UNKNOWN',
] as const;
export const budgetPhaseSchema = z.enum(BUDGET_PHASES);
export type BudgetPhase = z.infer<typeof budgetPhaseSchema>;

export const VOTING_RULE_KINDS = [
  'APPROVAL_WITHIN_BUDGET',
  'CHOOSE_K',
  'POINTS',
  'PER_THEME_BUDGET',
  'PER_THEME_CHOOSE_K',
  'UNKNOWN',
] as const;

export const votingRuleSchema = z.object({
  kind: z.enum(VOTING_RULE_KINDS),
  minTotal: moneySchema.nullable(),
  maxTotal: moneySchema.nullable(),
  minProjects: z.number().int().min(0).nullable(),
  maxProjects: z.number().int().min(0).nullable(),
  themes: z.array(z.string()),
});
export type VotingRule = z.infer<typeof votingRuleSchema>;

/**
 * Outcome rules in Pabulib's own words (https://pabulib.org/format, `rule`; the values Pabulib's checker
 * accepts). Inspraak computes `greedy`, `greedy-no-skip`, `greedy-threshold`, `equalshares` and
 * `equalshares/add1`; the others may be declared and exported, but no outcome is computed under them.
 */
export const PABULIB_RULES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'greedy-exclusive',
  'greedy-custom',
  'equalshares',
  'equalshares-comparison',
  'equalshares/add1',
  'equalshares/add1-comparison',
] as const;
export const pabulibRuleSchema = z.enum(PABULIB_RULES);
export type PabulibRule = z.infer<typeof pabulibRuleSchema>;

/**
 * How a budget's winners are decided: stated by the platform (its settings, its code, or a Pabulib
 * file's `rule`) or declared for the source in the sources file. Never inferred.
 */
export const declaredOutcomeRuleSchema = z.object({
  rule: pabulibRuleSchema,
  /** The least votes a project needs to win (Pabulib `min_project_score_threshold`); null: none. */
  threshold: z.number().int().min(0).nullable(),
  statedBy: z.enum(['PLATFORM', 'SOURCE_DECLARATION']),
});
export type DeclaredOutcomeRule = z.infer<typeof declaredOutcomeRuleSchema>;

export const budgetSchema = z.object({
  id: z.string().min(1),
  municipalityCode: municipalityCodeSchema,
  title: z.string(),
  description: formattedTextSchema,
  locale: z.string().min(2),
  /**
   * Every language the platform publishes title and description in, the primary first; absent where it
   * publishes one only (then `locale` is the language of `title` and `description`).
   */
  translations: z.array(textTranslationSchema).optional(),
  total: moneySchema.nullable(),
  phase: budgetPhaseSchema,
  platformPhase: z.string().nullable(),
  votingPeriod: z.object({ start: instantSchema.nullable(), end: instantSchema.nullable() }).nullable(),
  votingRule: votingRuleSchema,
  voterCount: count,
  /** The rule that decides the winners, where the platform states it or the source declares it. */
  outcomeRule: declaredOutcomeRuleSchema.nullable().default(null),
  /**
   * The anonymous ballots stored for this budget (their number and a digest of their content), or null
   * when none are (the platform does not publish votes, or fewer voters than the privacy minimum).
   */
  ballots: z
    .object({ count: z.number().int().min(1), digest: z.string().min(1) })
    .nullable()
    .default(null),
  url: z.string().nullable(),
  createdAt: instantSchema.nullable(),
  provenance: provenanceSchema,
  removedAt: instantSchema.nullable(),
});
export type Budget = z.infer<typeof budgetSchema>;

export const budgetProjectSchema = z.object({
  id: z.string().min(1),
  budgetId: z.string().min(1),
  municipalityCode: municipalityCodeSchema,
  /** The platform's own order of projects within the budget, 0-based. */
  position: z.number().int().min(0),
  title: z.string(),
  description: formattedTextSchema,
  /** As a budget's: every language published, the primary first; absent where only one is. */
  translations: z.array(textTranslationSchema).optional(),
  cost: moneySchema.nullable(),
  voteCount: count,
  selected: z.boolean().nullable(),
  platformStatus: platformStatusSchema.nullable(),
  tags: z.array(tagSchema),
  location: locationSchema.nullable(),
  images: z.array(imageSchema),
  proposalId: z.string().nullable(),
  url: z.string().nullable(),
  provenance: provenanceSchema,
  removedAt: instantSchema.nullable(),
});
export type BudgetProject = z.infer<typeof budgetProjectSchema>;

/**
 * A budget's anonymous ballots: per voter only the set of chosen projects (and points, where the ballot
 * has them), in shuffled order, with no voter id and no time. `projects` are the upstream project ids;
 * each ballot lists indexes into it. See services/harvester/ballots.ts for how they are made.
 */
export const anonymousBallotsSchema = z.object({
  budgetId: z.string().min(1),
  projects: z.array(z.string().min(1)),
  ballots: z.array(
    z.object({
      vote: z.array(z.number().int().min(0)).min(1),
      points: z.array(z.number().int()).nullable(),
    }),
  ),
});
export type AnonymousBallots = z.infer<typeof anonymousBallotsSchema>;

export const provinceSchema = z.object({ code: z.string().regex(/^PV\d{2}$/), name: z.string().min(1) });
export type Province = z.infer<typeof provinceSchema>;

export const municipalitySchema = z.object({
  code: municipalityCodeSchema,
  name: z.string().min(1),
  province: provinceSchema,
  centroid: geoPointSchema,
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const HARVEST_STATES = ['PENDING', 'OK', 'DEGRADED', 'FAILING', 'RETIRED'] as const;

export const harvestStatusSchema = z.object({
  state: z.enum(HARVEST_STATES),
  lastAttemptAt: instantSchema.nullable(),
  lastSuccessAt: instantSchema.nullable(),
  lastError: z.string().nullable(),
  itemCounts: z.object({
    proposals: z.number().int().min(0),
    budgets: z.number().int().min(0),
    budgetProjects: z.number().int().min(0),
  }),
});
export type HarvestStatus = z.infer<typeof harvestStatusSchema>;

export const sourceSchema = z.object({
  id: z.string().regex(SOURCE_ID_PATTERN, 'a source id is lower-case letters, digits and dashes'),
  name: z.string().min(1),
  municipalityCode: municipalityCodeSchema,
  platform: platformSchema,
  /** Null for a source read from files on the harvesting machine: that path is not published. */
  baseUrl: z.url().nullable(),
  platformVersion: z.string().nullable(),
  /** The content's licence as declared in the sources file (SPDX id or URL); absent or null: unknown. */
  licence: z.string().min(1).nullable().optional(),
  /** Whom to credit when reusing the content, as declared in the sources file; absent or null: not declared. */
  attribution: z.string().min(1).nullable().optional(),
  harvest: harvestStatusSchema,
});
export type Source = z.infer<typeof sourceSchema>;

/** The harvest status of a source that has never been harvested. */
export const PENDING_HARVEST: HarvestStatus = {
  state: 'PENDING',
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  itemCounts: { proposals: 0, budgets: 0, budgetProjects: 0 },
};
