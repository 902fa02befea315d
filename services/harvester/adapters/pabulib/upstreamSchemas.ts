/**
 * The values of a `.pb` file this adapter reads, validated before any is used (docs/upstreams/pabulib.md
 * §2–§4). The file is text, so every value arrives as a string: these schemas check its shape and turn it
 * into the number or list it stands for. An empty cell is an absent value. Keys the adapter does not read
 * pass through unchecked.
 */
import { z } from 'zod';
import { VOTE_TYPES } from '../../../core/pabulib/fields';

const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsAbsent, schema.optional());

const count = z
  .string()
  .regex(/^\d+$/, 'expected a whole number')
  .transform((s) => Number(s));
/** An amount in whole currency units, with at most two decimals (`.` or `,`): integer minor units. */
const amount = z
  .string()
  .regex(/^\d+([.,]\d{1,2})?$/, 'expected an amount in currency units, e.g. 25000 or 12.50')
  .transform((s) => Math.round(Number(s.replace(',', '.')) * 100))
  .refine(Number.isSafeInteger, 'the amount is too large');
/** A year (`2020`) or a day (`31.03.2024`), as the format writes dates (§2). */
const date = z
  .string()
  .regex(/^(\d{4}|\d{2}\.\d{2}\.\d{4})$/, 'expected a year (2020) or a day (31.03.2024)')
  .refine((s) => {
    if (s.length === 4) return true;
    const iso = `${s.slice(6)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
    const d = new Date(`${iso}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
  }, 'not a day of the calendar');
const coordinate = z
  .string()
  .transform((s) => Number(s))
  .refine(Number.isFinite, 'expected a number');
/** A comma-separated list (§3, §4): its items, without blanks. */
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

export const metaSchema = z.looseObject({
  description: optional(z.string()),
  unit: optional(z.string()),
  district: optional(z.string()),
  subunit: optional(z.string()),
  instance: optional(z.string()),
  num_votes: optional(count),
  budget: optional(amount),
  vote_type: optional(z.enum(VOTE_TYPES)),
  rule: optional(z.string()),
  date_begin: optional(date),
  date_end: optional(date),
  min_length: optional(count),
  max_length: optional(count),
  min_sum_cost: optional(amount),
  max_sum_cost: optional(amount),
  min_project_score_threshold: optional(count),
  language: optional(z.string().regex(/^[a-z]{2,3}$/, 'expected an ISO 639-1 language code')),
  currency: optional(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code')),
});
export type PabulibMeta = z.infer<typeof metaSchema>;

export const projectRowSchema = z.looseObject({
  project_id: z.string().regex(/^\S{1,100}$/, 'expected a project id without spaces'),
  cost: amount,
  votes: optional(count),
  name: optional(z.string()),
  description: optional(z.string()),
  category: optional(list),
  selected: optional(z.string()),
  neighborhood: optional(z.string()),
  district: optional(z.string()),
  subunit: optional(z.string()),
  latitude: optional(coordinate.pipe(z.number().min(-90).max(90))),
  longitude: optional(coordinate.pipe(z.number().min(-180).max(180))),
});
export type PabulibProjectRow = z.infer<typeof projectRowSchema>;

export const voteRowSchema = z.looseObject({
  voter_id: z.string().min(1, 'expected a voter id'),
  vote: z.preprocess((v) => v ?? '', list),
  points: optional(
    list.pipe(
      z.array(
        z
          .string()
          .regex(/^-?\d+$/, 'expected whole points')
          .transform((s) => Number(s)),
      ),
    ),
  ),
});
export type PabulibVoteRow = z.infer<typeof voteRowSchema>;
