/** A CONSUL source in the sources file: the common fields and CONSUL's own. */
import { z } from 'zod';
import { sourceFields } from '../../sourceFields';

export const sourceSchema = z.object({
  ...sourceFields,
  platform: z.literal('consul'),
  /** Locales to crawl; the first is the primary one (docs/upstreams/consul.md §2 "Locale"). */
  locales: z.array(z.string().min(2)).min(1).default(['nl']),
  /** Setting votes_for_proposal_success of the installation (docs/upstreams/consul.md §6); not exposed by the API. */
  votesForProposalSuccess: z.number().int().min(1).default(10_000),
  /** Setting months_to_archive_proposals (docs/upstreams/consul.md §6); not exposed by the API. */
  monthsToArchiveProposals: z.number().int().min(1).default(12),
});

export type ConsulSourceConfig = z.infer<typeof sourceSchema>;
