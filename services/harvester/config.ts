/**
 * The sources file: the installations to harvest, as JSON at the path in INSPRAAK_SOURCES. Validated at
 * start; every error names the entry (by index and id) and the field.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../core/errors';
import {
  budgetPhaseSchema,
  municipalityCodeSchema,
  pabulibRuleSchema,
  proposalStatusSchema,
  VOTING_RULE_KINDS,
} from '../core/model';

const common = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lower-case letters, digits and dashes, e.g. gm0363-openstad'),
  name: z.string().min(1).optional(),
  municipality: municipalityCodeSchema,
  baseUrl: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }),
  /** ISO 4217 currency of the installation's amounts (no platform publishes a currency code). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('EUR'),
  /** Requests per minute to this installation; under each platform's documented limit. */
  requestsPerMinute: z.number().int().min(1).max(600).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  maxResponseBytes: z
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /** Maps the platform's own status codes or labels (case-insensitive) to normalised statuses. */
  statusMap: z.record(z.string(), proposalStatusSchema).default({}),
  /**
   * How the municipality decides its budgets' winners, in Pabulib's words (`greedy`, `greedy-threshold`,
   * `equalshares`, `equalshares/add1`, …). Used only where the platform states no rule of its own.
   */
  outcomeRule: pabulibRuleSchema.optional(),
  /** With `greedy-threshold`: the least votes a project needs (Pabulib `min_project_score_threshold`). */
  outcomeThreshold: z.number().int().min(0).optional(),
  /** Anonymous ballots are stored only for budgets with at least this many voters (privacy). */
  minBallotVoters: z.number().int().min(2).default(10),
};

export const consulSourceSchema = z.object({
  ...common,
  platform: z.literal('consul'),
  /** Locales to crawl; the first is the primary one (consul.md §2 "Locale"). */
  locales: z.array(z.string().min(2)).min(1).default(['nl']),
  /** Setting votes_for_proposal_success of the installation (consul.md §6); not exposed by the API. */
  votesForProposalSuccess: z.number().int().min(1).default(10_000),
  /** Setting months_to_archive_proposals (consul.md §6); not exposed by the API. */
  monthsToArchiveProposals: z.number().int().min(1).default(12),
});

const wholeUnits = z.number().int().min(0).nullable().optional();

export const decidimSourceSchema = z.object({
  ...common,
  platform: z.literal('decidim'),
  /** Preferred primary language (docs/data-model.md §2.5); default `nl`. */
  locale: z.string().min(2).optional(),
  /** Time zone of Decidim `Date` values (0.27 step dates); default Europe/Amsterdam. */
  timeZone: z.string().min(1).optional(),
  /** Root taxonomies (ids or names) whose taxonomies are areas; unset: recognised by name (Wijken, …). */
  areaTaxonomyRoots: z.array(z.string()).optional(),
  /** Process step position (0-based) → budget phase; the API has no budget phase (data-model §4.6). */
  phaseSteps: z.record(z.string().regex(/^\d+$/, 'expected a step position'), budgetPhaseSchema).optional(),
  /** The budgets' voting rule, which the API does not publish (data-model §4.7); amounts in whole units. */
  votingRule: z
    .object({
      kind: z.enum(VOTING_RULE_KINDS),
      minTotal: wholeUnits,
      maxTotal: wholeUnits,
      minProjects: z.number().int().min(0).nullable().optional(),
      maxProjects: z.number().int().min(0).nullable().optional(),
    })
    .optional(),
  /** A fixed phase for every budget of the source. */
  phase: budgetPhaseSchema.optional(),
});

export const openstadSourceSchema = z.object({
  ...common,
  platform: z.literal('openstad'),
  /** Project id (headless) or site id (legacy) on the installation (openstad.md §7 note 2). */
  projectId: z.number().int().min(1),
  /** API generation: `headless` (openstad-headless) or `legacy` (openstad-api); openstad.md §1. */
  generation: z.enum(['headless', 'legacy']),
  /**
   * The source that harvests the ideas project a budgeting project's plans were copied from
   * (`extraData.originalId`, openstad.md §4); default this source.
   */
  proposalSourceId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional(),
});

export const sourceConfigSchema = z.discriminatedUnion('platform', [
  consulSourceSchema,
  decidimSourceSchema,
  openstadSourceSchema,
]);
export type SourceConfig = z.infer<typeof sourceConfigSchema>;
export type ConsulSourceConfig = z.infer<typeof consulSourceSchema>;
export type DecidimSourceConfig = z.infer<typeof decidimSourceSchema>;
export type OpenstadSourceConfig = z.infer<typeof openstadSourceSchema>;

const fileSchema = z.array(sourceConfigSchema).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  sources.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate source id "${s.id}"` });
    seen.add(s.id);
    if ((s.outcomeRule === 'greedy-threshold') !== (s.outcomeThreshold !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'outcomeThreshold'],
        message: 'outcomeThreshold goes with outcomeRule "greedy-threshold", and only with it',
      });
  });
});

/** Parses the sources file's content; `where` names the file in errors. */
export function parseSources(json: unknown, where: string): SourceConfig[] {
  const result = fileSchema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const entry = typeof index === 'number' ? (json as { id?: unknown }[])[index] : undefined;
    const label =
      typeof index === 'number'
        ? `sources[${index}]${typeof entry?.id === 'string' ? ` (${entry.id})` : ''}`
        : 'the file';
    return `  ${label}${rest.length ? `.${rest.join('.')}` : ''}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid sources file ${where}:\n${lines.join('\n')}`);
}

/** Reads and validates the sources file at `path`. */
export function loadSources(path: string): SourceConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read the sources file ${path} (INSPRAAK_SOURCES): ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`The sources file ${path} (INSPRAAK_SOURCES) is not valid JSON: ${(e as Error).message}`);
  }
  return parseSources(json, path);
}
