/** An OpenStad source in the sources file: the common fields and OpenStad's own. */
import { z } from 'zod';
import { sourceFields, sourceIdSchema } from '../../sourceFields';

export const sourceSchema = z.object({
  ...sourceFields,
  platform: z.literal('openstad'),
  /** Project id (headless) or site id (legacy) on the installation (docs/upstreams/openstad.md §7 note 2). */
  projectId: z.number().int().min(1),
  /**
   * API generation: `headless` (openstad-headless) or `legacy` (openstad-api), docs/upstreams/openstad.md §1. Optional:
   * unset, it is detected from which tenant path answers; set, it is verified.
   */
  generation: z.enum(['headless', 'legacy']).optional(),
  /**
   * The source that harvests the ideas project a budgeting project's plans were copied from
   * (`extraData.originalId`, docs/upstreams/openstad.md §4); default this source.
   */
  proposalSourceId: sourceIdSchema.optional(),
});

export type OpenstadSourceConfig = z.infer<typeof sourceSchema>;
