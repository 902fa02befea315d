/**
 * Finds the version band of an installation by probing, not by `decidim { version }` (null from 0.30)
 * nor introspection (admin-only from 0.30.5 / 0.31.1): one tiny query asks for the version-specific
 * fields, and each graphql-ruby validation error "Field 'x' doesn't exist on type 'T'" marks a field as
 * absent (docs/upstreams/decidim.md §8 note 2, §7). Nothing is resolved: `component(id: "0")` is null on every install.
 */
import type { HarvestContext } from '../../adapter';
import type { DecidimSourceConfig } from './sourceSchema';
import { UpstreamSchemaError } from '../../errors';
import { sendGraphql } from './postGraphql';

export type DecidimBand = '0.27' | '0.28' | '0.29' | '0.30' | '0.31';

export interface DecidimFeatures {
  band: DecidimBand;
  /** `Proposal.withdrawn` (0.29+); before it, withdrawal is `state: "withdrawn"`. */
  withdrawn: boolean;
  /** `taxonomies` instead of `category`/`scope` (0.30+). */
  taxonomies: boolean;
  /** `url` on resources (0.31+). */
  url: boolean;
  /** `Proposal.proposalState` (0.31+, verify). */
  proposalState: boolean;
  /** `Budget.totalBudget` (0.33 line). */
  totalBudget: boolean;
  /** `Project.confirmedVotes`, `relatedProposals`, `address`/`coordinates` (0.31+, verify). */
  confirmedVotes: boolean;
  relatedProposals: boolean;
  projectLocation: boolean;
  /** `Attachment.title` (0.28+). */
  attachmentTitle: boolean;
}

/** Probed fields, as [type, field]. */
const PROBED = [
  ['Proposal', 'withdrawn'],
  ['Proposal', 'taxonomies'],
  ['Proposal', 'likesCount'],
  ['Proposal', 'url'],
  ['Proposal', 'proposalState'],
  ['Attachment', 'title'],
  ['Budget', 'totalBudget'],
  ['Project', 'confirmedVotes'],
  ['Project', 'relatedProposals'],
  ['Project', 'address'],
] as const;

export const PROBE_QUERY = `query DecidimProbe {
  component(id: "0") {
    id
    ... on Proposals { proposal(id: "0") { id withdrawn taxonomies { id } likesCount url proposalState { id } attachments { title { locales } } } }
    ... on Budgets { budget(id: "0") { id totalBudget projects { id confirmedVotes relatedProposals { id } address } } }
  }
}`;

const UNDEFINED_FIELD = /^Field '(\w+)' doesn't exist on type '(\w+)'/;

/** Reads which probed fields are missing from the probe's errors; any other error is not a probe answer. */
export function featuresFromErrors(errors: { message: string }[]): DecidimFeatures {
  const missing = new Set<string>();
  for (const e of errors) {
    const m = UNDEFINED_FIELD.exec(e.message);
    if (!m || !PROBED.some(([type, field]) => type === m[2] && field === m[1])) {
      throw new UpstreamSchemaError(
        `Decidim answered the version probe with an unexpected error: ${e.message.slice(0, 200)}`,
      );
    }
    missing.add(`${m[2]}.${m[1]}`);
  }
  const has = (key: string) => !missing.has(key);
  const withdrawn = has('Proposal.withdrawn');
  const taxonomies = has('Proposal.taxonomies');
  const likes = has('Proposal.likesCount');
  const band: DecidimBand =
    likes || has('Proposal.url')
      ? '0.31'
      : taxonomies
        ? '0.30'
        : withdrawn
          ? '0.29'
          : has('Attachment.title')
            ? '0.28'
            : '0.27';
  return {
    band,
    withdrawn,
    taxonomies,
    url: has('Proposal.url'),
    proposalState: has('Proposal.proposalState'),
    totalBudget: has('Budget.totalBudget'),
    confirmedVotes: has('Project.confirmedVotes'),
    relatedProposals: has('Project.relatedProposals'),
    projectLocation: has('Project.address'),
    attachmentTitle: has('Attachment.title'),
  };
}

/** Probes the installation (one request) and returns its features. */
export async function detectFeatures(ctx: HarvestContext<DecidimSourceConfig>): Promise<DecidimFeatures> {
  const answer = await sendGraphql(ctx, PROBE_QUERY);
  return featuresFromErrors(answer.errors);
}
