import { makeId } from '../../../core/ids';
import type { Proposal, Tag, Translation } from '../../../core/model';
import type { ConsulSourceConfig } from './sourceSchema';
import { UpstreamSchemaError } from '../../errors';
import { formattedText } from '../../text';
import { plainText } from '../../text';
import { parsePublicCreatedAt } from './parsePublicCreatedAt';
import { consulProposalStatus } from './proposalStatus';
import type { ConsulProposalNode, ConsulProposalTranslation } from './upstreamSchemas';

export interface NormaliseContext {
  source: ConsulSourceConfig;
  harvestedAt: string;
}

/** The installation's public base URL without a trailing slash. */
export function baseUrlOf(source: ConsulSourceConfig): string {
  return source.baseUrl.replace(/\/+$/, '');
}

/** `kind: "category"` → THEME, a user tag (`kind: null`) → FREE (docs/data-model.md §3.1, docs/upstreams/consul.md §4 Tag). */
function tagsOf(node: ConsulProposalNode): Tag[] {
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const { node: t } of node.tags?.edges ?? []) {
    const name = plainText(t.name);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    tags.push({ name, kind: t.kind === 'category' ? 'THEME' : 'FREE' });
  }
  return tags;
}

function translation(locale: string, t: ConsulProposalTranslation): Translation {
  return {
    locale,
    title: plainText(t.title),
    summary: t.summary === null ? null : plainText(t.summary),
    body: formattedText(t.description),
    machineTranslated: false,
  };
}

function sameText(a: ConsulProposalTranslation, b: ConsulProposalTranslation): boolean {
  return a.title === b.title && a.summary === b.summary && a.description === b.description;
}

/**
 * Normalises one validated CONSUL proposal (docs/data-model.md §3.1) from the primary-locale crawl plus the
 * same proposal from the other locales' crawls (locale → record). A translation identical to the primary
 * one is taken to be Globalize's silent fallback and left out (data-model §2.5, docs/upstreams/consul.md §8 note 9).
 * Throws UpstreamSchemaError when `publicCreatedAt` is not CONSUL's format; the caller reports the record.
 */
export function normaliseProposal(
  node: ConsulProposalNode,
  others: ReadonlyMap<string, ConsulProposalTranslation>,
  ctx: NormaliseContext,
): Proposal {
  const { source } = ctx;
  const createdAt = parsePublicCreatedAt(node.publicCreatedAt);
  if (!createdAt)
    throw new UpstreamSchemaError(
      `publicCreatedAt ${JSON.stringify(node.publicCreatedAt.slice(0, 40))} is not "YYYY-MM-DD HH:MM:SS ±hhmm"`,
    );
  const { status, platformStatus } = consulProposalStatus({ ...node, createdAt }, source, ctx.harvestedAt);
  const locale = source.locales[0] ?? 'nl';
  const primary = translation(locale, node);
  const translations = [primary];
  for (const [other, t] of others) {
    if (other !== locale && !sameText(t, node)) translations.push(translation(other, t));
  }
  return {
    id: makeId(source.id, 'proposal', node.id),
    municipalityCode: source.municipality,
    title: primary.title,
    summary: primary.summary,
    body: primary.body,
    locale,
    translations,
    status,
    platformStatus,
    supportCount: node.cachedVotesUp,
    opposeCount: null, // proposals take only "yes" votes (docs/upstreams/consul.md §6)
    commentCount: node.commentsCount,
    createdAt,
    publishedAt: null, // published_at is not exposed (docs/upstreams/consul.md §3.4)
    updatedAt: null, // not exposed (docs/upstreams/consul.md §8 note 5)
    tags: tagsOf(node),
    area: node.geozone?.name ? plainText(node.geozone.name) || null : null,
    location: null, // map locations are HTML only (docs/upstreams/consul.md §6 "Exposure")
    images: [], // GraphQL has none; readProposalImages adds the index's (docs/upstreams/consul.md §6.1)
    url: `${baseUrlOf(source)}/proposals/${node.id}`,
    provenance: {
      sourceId: source.id,
      platform: 'CONSUL',
      upstreamId: node.id,
      upstreamReference: null,
      harvestedAt: ctx.harvestedAt,
    },
    removedAt: null,
  };
}
