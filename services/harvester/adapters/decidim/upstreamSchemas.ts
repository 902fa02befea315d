/**
 * zod schemas of what the adapter's queries get back from Decidim (docs/upstreams/decidim.md §3, §5). Envelopes and
 * listings are parsed whole (wrong shape → UpstreamSchemaError); resources one by one (wrong shape →
 * reported and skipped). DateTime values become UTC instants with milliseconds here (data-model §2.2).
 */
import { z } from 'zod';

/** docs/upstreams/decidim.md §3 scalars: ISO 8601 with offset, no fractions; `Time#iso8601`. */
export const decidimDateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
/** A process step date: `Date` (`YYYY-MM-DD`) in 0.27, `DateTime` from 0.28 (docs/upstreams/decidim.md §3). */
export const stepDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const localizedString = z.object({
  locale: z.string().min(2),
  text: z.string().nullable(),
  machineTranslated: z.boolean().optional(),
});
export type LocalizedString = z.infer<typeof localizedString>;
/** `TranslatedField { translations { locale text machineTranslated } }` (docs/upstreams/decidim.md §3, §8 note 3). */
export const translatedField = z.object({
  translations: z.array(localizedString.nullable()).transform((l) => l.filter((x) => x !== null)),
});
export type TranslatedFieldValue = z.infer<typeof translatedField>;

export const graphqlError = z.looseObject({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});
export type GraphqlError = z.infer<typeof graphqlError>;

/** The endpoint's answer: `data` may be absent (validation) or null, `errors` may sit beside data (§8 note 5). */
export const envelope = z.looseObject({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(graphqlError).optional(),
});

const componentRef = z.object({ id: z.string(), __typename: z.string() });
/** `components` items are nullable from 0.30 (docs/upstreams/decidim.md §4.4). */
const components = z
  .array(componentRef.nullable())
  .nullable()
  .transform((l) => (l ?? []).filter((c) => c !== null));

export const processListing = z.object({
  id: z.string(),
  slug: z.string(),
  components,
  steps: z.array(z.object({ startDate: stepDate.nullable(), endDate: stepDate.nullable() }).nullable()),
});
export const assemblyListing = z.object({
  id: z.string(),
  slug: z.string(),
  components,
  children: z
    .array(z.object({ id: z.string() }).nullable())
    .nullable()
    .transform((l) => (l ?? []).filter((c) => c !== null)),
});
export const spacesPayload = z.object({
  participatoryProcesses: z
    .array(processListing)
    .nullable()
    .transform((l) => l ?? []),
  assemblies: z
    .array(assemblyListing)
    .nullable()
    .transform((l) => l ?? []),
});
export type ProcessListing = z.infer<typeof processListing>;
export type AssemblyListing = z.infer<typeof assemblyListing>;

interface TaxonomyNode {
  id: string;
  name?: TranslatedFieldValue;
  children?: (TaxonomyNode | null)[] | null;
}
const taxonomyNode: z.ZodType<TaxonomyNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    name: translatedField.optional(),
    children: z.array(taxonomyNode.nullable()).nullable().optional(),
  }),
);
export const taxonomiesPayload = z.object({
  organization: z.object({ taxonomies: z.array(taxonomyNode).nullable() }).nullable(),
});
export type TaxonomyTree = TaxonomyNode;

const classifier = z.object({ id: z.string(), name: translatedField });
const taxonomyRef = z.object({
  id: z.string(),
  name: translatedField,
  parent: z.object({ id: z.string() }).nullable().optional(),
});
const coordinates = z
  .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
  .nullable()
  .optional();
const count = z.number().int().min(0).nullable();
/** Attachments (docs/upstreams/decidim.md §3 `Attachment`): `type` is the file extension; `title` from 0.28. */
const attachments = z
  .array(
    z
      .object({
        url: z.string(),
        type: z.string(),
        thumbnail: z.string().nullable().optional(),
        title: translatedField.nullable().optional(),
      })
      .nullable(),
  )
  .nullable()
  .optional();
export type AttachmentsValue = z.infer<typeof attachments>;

/** One proposal node (docs/upstreams/decidim.md §3 Proposal, §5.2); band-specific fields are optional. */
export const proposalNode = z.object({
  id: z.string().min(1),
  reference: z.string().nullable(),
  state: z.string().nullable(),
  withdrawn: z.boolean().nullable().optional(),
  publishedAt: decidimDateTime.nullable(),
  createdAt: decidimDateTime.nullable(),
  updatedAt: decidimDateTime.nullable(),
  voteCount: count,
  totalCommentsCount: count,
  address: z.string().nullable(),
  coordinates,
  title: translatedField.nullable(),
  body: translatedField.nullable(),
  category: classifier.nullable().optional(),
  scope: classifier.nullable().optional(),
  taxonomies: z.array(taxonomyRef).nullable().optional(),
  url: z.string().nullable().optional(),
  proposalState: z.object({ title: translatedField.nullable() }).nullable().optional(),
  attachments,
});
export type ProposalNode = z.infer<typeof proposalNode>;

/** One project of a budget (docs/upstreams/decidim.md §3 Project, §5.3). */
export const projectNode = z.object({
  id: z.string().min(1),
  reference: z.string().nullable(),
  selected: z.boolean().nullable(),
  budget_amount: z.number().int().min(0).nullable(),
  title: translatedField.nullable(),
  description: translatedField.nullable(),
  category: classifier.nullable().optional(),
  scope: classifier.nullable().optional(),
  taxonomies: z.array(taxonomyRef).nullable().optional(),
  url: z.string().nullable().optional(),
  confirmedVotes: count.optional(),
  relatedProposals: z
    .array(z.object({ id: z.string() }).nullable())
    .nullable()
    .optional(),
  address: z.string().nullable().optional(),
  coordinates,
  attachments,
});
export type ProjectNode = z.infer<typeof projectNode>;

/** One budget; its projects are kept unparsed here and parsed one by one. */
export const budgetNode = z
  .object({
    id: z.string().min(1),
    title: translatedField,
    description: translatedField.nullable(),
    // Snake_case on purpose upstream; `totalBudget` on the 0.33 line once the probe finds it (docs/upstreams/decidim.md §3).
    total_budget: z.number().int().min(0).optional(),
    totalBudget: z.number().int().min(0).optional(),
    createdAt: decidimDateTime.nullable(),
    url: z.string().nullable().optional(),
    projects: z.array(z.unknown()),
  })
  .refine((b) => b.total_budget !== undefined || b.totalBudget !== undefined, 'total_budget is missing')
  .transform(({ total_budget, totalBudget, ...b }) => ({ ...b, total: (totalBudget ?? total_budget)! }));
export type BudgetNode = z.infer<typeof budgetNode>;

/** A page of a connection: nodes stay unparsed (null nodes are moderated items, docs/upstreams/decidim.md §4.4). */
export const connectionPage = z.object({
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  edges: z.array(z.object({ node: z.unknown() }).nullable()),
});
