/** A CONSUL source in the sources file: the common fields and CONSUL's own. */
import { z } from 'zod';
import { sourceFields, timeZoneSchema } from '../../sourceFields';

export const sourceSchema = z.object({
  ...sourceFields,
  platform: z.literal('consul'),
  /** Locales to crawl; the first is the primary one (docs/upstreams/consul.md §2 "Locale"). */
  locales: z.array(z.string().min(2)).min(1).default(['nl']),
  /** Setting votes_for_proposal_success of the installation (docs/upstreams/consul.md §6); not exposed by the API. */
  votesForProposalSuccess: z.number().int().min(1).default(10_000),
  /** Setting months_to_archive_proposals (docs/upstreams/consul.md §6); not exposed by the API. */
  monthsToArchiveProposals: z.number().int().min(1).default(12),
  /** The installation's time zone (`config.time_zone`), for the phase days of the budget page. */
  timeZone: timeZoneSchema,
  /**
   * Each budget's `voting_style` (and, for approval, `max_ballot_lines`), by CONSUL budget id: no public
   * page shows them (docs/upstreams/consul.md §5.4 item 8), so only the operator can say. Unset → UNKNOWN.
   */
  budgets: z
    .record(
      z.string().regex(/^\d+$/, 'expected a CONSUL budget id'),
      z.union([
        z.object({ votingStyle: z.literal('knapsack') }).strict(),
        z.object({ votingStyle: z.literal('approval'), maxBallotLines: z.number().int().min(1).optional() }).strict(),
      ]),
    )
    .default({}),
});

export type ConsulSourceConfig = z.infer<typeof sourceSchema>;
