/**
 * zod schemas of the records the adapter reads (docs/upstreams/consul.md §4). Ids are JSON strings on 1.5+; integers are
 * accepted too and turned into strings (docs/upstreams/consul.md §3.3). Every field the normalisers rely on is here, so
 * a drifted record fails validation instead of normalising into nonsense.
 */
import { z } from 'zod';

const id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const proposalNodeSchema = z.object({
  id,
  title: z.string(),
  summary: z.string().nullable(),
  description: z.string().nullable(),
  publicCreatedAt: z.string(),
  cachedVotesUp: z.number().int().min(0).nullable(),
  commentsCount: z.number().int().min(0).nullable(),
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  geozone: z.object({ name: z.string().nullable() }).nullable(),
  tags: z
    .object({
      edges: z.array(z.object({ node: z.object({ name: z.string().nullable(), kind: z.string().nullable() }) })),
    })
    .nullable(),
});
export type ConsulProposalNode = z.infer<typeof proposalNodeSchema>;

export const proposalTranslationSchema = z.object({
  id,
  title: z.string(),
  summary: z.string().nullable(),
  description: z.string().nullable(),
});
export type ConsulProposalTranslation = z.infer<typeof proposalTranslationSchema>;

export const budgetNodeSchema = z.object({
  id,
  name: z.string().nullable(),
  phase: z.string().nullable(),
});
export type ConsulBudgetNode = z.infer<typeof budgetNodeSchema>;

export const investmentNodeSchema = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  /** BigInt: a JSON string of whole units (docs/upstreams/consul.md §3.3). */
  price: z.union([z.string().regex(/^\d+$/, 'price is not a whole number'), z.number().int().min(0)]).nullable(),
  feasibility: z.string().nullable(),
  location: z.string().nullable(),
});
export type ConsulInvestmentNode = z.infer<typeof investmentNodeSchema>;

/** The upstream id of a raw node, where it can be read, for reports. */
export function rawId(node: unknown): string | null {
  const v = (node as { id?: unknown } | null)?.id;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}
