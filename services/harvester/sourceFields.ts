/**
 * The fields every sources-file entry has, whatever its platform. Each adapter's `sourceSchema.ts` spreads
 * these into its own schema and adds `platform` and what its platform needs; services/harvester/config.ts
 * joins those schemas, from the adapter registry, into the sources file's schema.
 */
import { z } from 'zod';
import { DUTCH_TIME_ZONE } from '../core/days';
import { municipalityCodeSchema, pabulibRuleSchema, proposalStatusSchema } from '../core/model';

/** A source id: lower-case letters, digits and dashes; it prefixes the ids of everything harvested. */
export const sourceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lower-case letters, digits and dashes, e.g. gm0363-openstad');

/** An IANA time zone the runtime knows (`Europe/Amsterdam`): the zone an installation's bare days are meant in. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'expected an IANA time zone, e.g. Europe/Amsterdam')
  .default(DUTCH_TIME_ZONE);

export const sourceFields = {
  id: sourceIdSchema,
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
  /**
   * The licence under which the installation publishes its content: an SPDX id (`CC0-1.0`, `CC-BY-4.0`)
   * or the URL of its terms, as the operator states it. Unset means unknown, and the API says so (null);
   * never fill this in by guessing.
   */
  licence: z.string().trim().min(1).max(200).optional(),
  /** Whom to credit when reusing the content, as the operator asks (e.g. `Gemeente Amsterdam`). */
  attribution: z.string().trim().min(1).max(300).optional(),
  /** Anonymous ballots are stored only for budgets with at least this many voters (privacy). */
  minBallotVoters: z.number().int().min(2).default(10),
};

const sourceBaseSchema = z.object({ ...sourceFields, platform: z.string() });
/** What every platform's source config has: the common fields and a `platform` key. */
export type SourceConfigBase = z.infer<typeof sourceBaseSchema>;
