/**
 * The per-source Decidim settings data-model §2.9 names (`locale`, `timeZone`, `areaTaxonomyRoots`,
 * `phaseSteps`, `votingRule`, `phase`), as the source's entry in the sources file gives them
 * (adapters/decidim/sourceSchema.ts), with the defaults below where it does not.
 */
import { z } from 'zod';
import { ConfigError } from '../../../core/errors';
import { budgetPhaseSchema, VOTING_RULE_KINDS } from '../../../core/model';
import { timeZoneSchema } from '../../sourceFields';
import type { DecidimSourceConfig } from './sourceSchema';

const wholeUnits = z.number().int().min(0).nullable().default(null);

const settingsSchema = z.object({
  /** Preferred primary language (data-model §2.5). */
  locale: z.string().min(2).default('nl'),
  /** Time zone of `Date` values, i.e. 0.27 step dates (data-model §2.2). */
  timeZone: timeZoneSchema,
  /** Root taxonomies (ids or names) whose taxonomies are areas (data-model §4.1); unset: by root name. */
  areaTaxonomyRoots: z.array(z.string()).optional(),
  /** Process step position (0-based) → budget phase (data-model §4.6 rule 1). */
  phaseSteps: z.record(z.string().regex(/^\d+$/), budgetPhaseSchema).default({}),
  /** The voting rule, which the API does not publish (data-model §4.7); amounts in whole units. */
  votingRule: z
    .object({
      kind: z.enum(VOTING_RULE_KINDS),
      minTotal: wholeUnits,
      maxTotal: wholeUnits,
      minProjects: z.number().int().min(0).nullable().default(null),
      maxProjects: z.number().int().min(0).nullable().default(null),
    })
    .optional(),
  /** A fixed phase for every budget of the source (data-model §2.9 override). */
  phase: budgetPhaseSchema.optional(),
});
export type DecidimSettings = z.infer<typeof settingsSchema>;

/** The Decidim settings of `source`, defaults filled in; a malformed one is a ConfigError naming the source. */
export function decidimSettings(source: DecidimSourceConfig): DecidimSettings {
  const parsed = settingsSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `Source ${source.id}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid Decidim settings'}`,
    );
  }
  return parsed.data;
}
