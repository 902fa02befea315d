/** A Decidim source in the sources file: the common fields and Decidim's own. */
import { z } from 'zod';
import { budgetPhaseSchema, VOTING_RULE_KINDS } from '../../../core/model';
import { sourceFields } from '../../sourceFields';

const wholeUnits = z.number().int().min(0).nullable().optional();

export const sourceSchema = z.object({
  ...sourceFields,
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

export type DecidimSourceConfig = z.infer<typeof sourceSchema>;
