/**
 * zod schemas of the OpenStad payloads the adapter reads, per docs/upstreams/openstad.md.
 * They name only the fields the normalisers use; unknown keys are dropped ("treat unknown or extra keys as
 * noise; key order is not stable", §2.5). Envelopes are checked strictly (a wrong one fails the source);
 * records one by one (a wrong one is reported and skipped).
 */
import { z } from 'zod';

/** OpenStad writes instants as ISO 8601 UTC with milliseconds (docs/data-model.md §2.2). */
const instant = z.iso.datetime({ offset: true });
const id = z.number().int().positive();
const count = z.number().int().min(0);

/** The paged list envelope of both generations (docs/upstreams/openstad.md §2.4, §3). */
export const envelopeSchema = z.object({
  metadata: z.object({
    page: z.number().int().min(0),
    pageSize: z.number().int().min(1),
    pageCount: z.number().int().min(0),
    totalCount: z.number().int().min(0),
    links: z.object({ self: z.string(), next: z.string().optional() }).partial().optional(),
  }),
  records: z.array(z.unknown()),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** `{count}` of the stats routes (docs/upstreams/openstad.md §2.2; A reports 0 as -1, §3). */
export const statsCountSchema = z.object({ count: z.number().int() });

/** A row of `GET /api/project/:id/vote` (docs/upstreams/openstad.md §2.8); only these fields are read. */
export const headlessVoteSchema = z.object({
  resourceId: z.number().int(),
  userId: z.union([z.number().int(), z.string().min(1)]),
  opinion: z.string().nullable(),
});

/** A status as embedded in a resource (§2.5) or listed by `GET …/status` (§2.6, which adds `seqnr`). */
export const statusSchema = z.object({
  id,
  name: z.string(),
  label: z.string().nullish(),
  seqnr: z.number().int().nullish(),
});
export type HeadlessStatus = z.infer<typeof statusSchema>;
export const statusListSchema = z.array(statusSchema);

export const headlessTagSchema = z.object({ id, name: z.string(), type: z.string().nullish() });

/** A resource (H), docs/upstreams/openstad.md §2.5. `yes`/`no` are present only when counts are public (§7 note 4). */
export const headlessResourceSchema = z.object({
  id,
  projectId: id,
  title: z.string(),
  summary: z.string().nullish(),
  description: z.string().nullish(),
  images: z
    .array(z.object({ url: z.string().min(1), description: z.string().nullish(), alt: z.string().nullish() }))
    .nullish(),
  budget: z.number().int().min(0).nullish(),
  extraData: z.record(z.string(), z.unknown()).nullish(),
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullish(),
  publishDate: instant.nullish(),
  createdAt: instant,
  updatedAt: instant.nullish(),
  yes: count.optional(),
  no: count.optional(),
  commentCount: count.optional(),
  statuses: z.array(statusSchema),
  tags: z.array(headlessTagSchema).optional(),
});
export type HeadlessResource = z.infer<typeof headlessResourceSchema>;

/** `safeConfig.votes` (§2.7): arrays arrive index-keyed, min/maxBudget are absent when unset. */
export const safeVotesSchema = z.object({
  isViewable: z.boolean().nullish(),
  isActive: z.boolean().nullish(),
  voteType: z.string().nullish(),
  minBudget: z.number().int().min(0).nullish(),
  maxBudget: z.number().int().min(0).nullish(),
  minResources: z.number().int().min(0).nullish(),
  maxResources: z.number().int().min(0).nullish(),
});
export type SafeVotes = z.infer<typeof safeVotesSchema>;

/** A project (H), docs/upstreams/openstad.md §2.7; `safeConfig` is `{}` without `includeConfig=1`. */
export const headlessProjectSchema = z.object({
  id,
  name: z.string().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  createdAt: instant.nullish(),
  safeConfig: z
    .object({
      votes: safeVotesSchema.optional(),
      // endDate is free config text: read leniently, a value that is no date is ignored.
      project: z.object({ endDate: z.string().nullish(), projectHasEnded: z.boolean().nullish() }).optional(),
    })
    .optional(),
});
export type HeadlessProject = z.infer<typeof headlessProjectSchema>;

/** A site (A), docs/upstreams/openstad.md §3; `config` is editor-only and never in the answer. */
export const legacySiteSchema = z.object({
  id,
  name: z.string().nullish(),
  title: z.string().nullish(),
  domain: z.string().nullish(),
});
export type LegacySite = z.infer<typeof legacySiteSchema>;

/** An idea (A), docs/upstreams/openstad.md §3: lat-first Point, `position`, status enum, images in extraData. */
export const legacyIdeaSchema = z.object({
  id,
  title: z.string(),
  summary: z.string().nullish(),
  description: z.string().nullish(),
  budget: z.number().int().min(0).nullish(),
  status: z.string().min(1),
  extraData: z
    .object({
      images: z.array(z.string()).nullish(),
      theme: z.string().nullish(),
      area: z.string().nullish(),
      originalId: z.union([z.number(), z.string()]).nullish(),
    })
    .nullish(),
  location: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }).nullish(),
  position: z.object({ lat: z.number(), lng: z.number() }).nullish(),
  yes: count.optional(),
  no: count.optional(),
  publishDate: instant.nullish(),
  createdAt: instant,
  updatedAt: instant.nullish(),
  tags: z.array(z.object({ id, name: z.string() })).optional(),
});
export type LegacyIdea = z.infer<typeof legacyIdeaSchema>;
