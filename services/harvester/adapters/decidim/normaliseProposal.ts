/**
 * One validated Decidim proposal → the unified Proposal (data-model §4.1, §4.5). Pure: everything it
 * needs comes in `c`.
 */
import { makeId } from '../../../core/ids';
import type { Proposal } from '../../../core/model';
import type { DecidimSourceConfig } from './sourceSchema';
import { imagesOf } from './imagesOf';
import { mapProposalStatus } from './mapProposalStatus';
import { componentUrl, type SpaceRef } from './spaceRef';
import { tagsOf } from './tagsOf';
import type { TaxonomyIndex } from './taxonomyIndex';
import { nameOf, primaryLocale, proposalTranslations } from './translations';
import type { ProposalNode } from './upstreamSchemas';

export interface ProposalContext {
  source: Pick<DecidimSourceConfig, 'id' | 'municipality' | 'baseUrl' | 'statusMap'>;
  harvestedAt: string;
  /** Preferred primary language (default `nl`). */
  locale: string;
  taxonomies: TaxonomyIndex;
  space: Pick<SpaceRef, 'kind' | 'slug'>;
  componentId: string;
}

/** Normalises one proposal node; throws only on values the unified model cannot hold. */
export function normaliseProposal(node: ProposalNode, c: ProposalContext): Proposal {
  const locale = primaryLocale(node.title, c.locale);
  const translations = proposalTranslations(node.title, node.body, locale);
  const primary = translations[0]!;
  const { status, platformStatus } = mapProposalStatus(
    { state: node.state, withdrawn: node.withdrawn, label: nameOf(node.proposalState?.title, locale) },
    c.source.statusMap,
  );
  const { tags, area } = tagsOf(node, c.taxonomies, locale);
  const point = node.coordinates
    ? { latitude: node.coordinates.latitude, longitude: node.coordinates.longitude }
    : null;
  return {
    id: makeId(c.source.id, 'proposal', node.id),
    municipalityCode: c.source.municipality,
    title: primary.title,
    summary: null, // Decidim proposals have no summary (data-model §4.1)
    body: primary.body,
    locale,
    translations,
    status,
    platformStatus,
    supportCount: node.voteCount, // null when the component hides votes (docs/upstreams/decidim.md §8 note 10)
    opposeCount: null,
    commentCount: node.totalCommentsCount,
    createdAt: node.createdAt,
    publishedAt: node.publishedAt,
    updatedAt: node.updatedAt,
    tags,
    area,
    location: point || node.address ? { point, address: node.address || null } : null,
    images: imagesOf(node.attachments, c.source.baseUrl, locale),
    // 0.31 publishes `url`; before, the path is built from the space and component (docs/upstreams/decidim.md §4.1).
    url: node.url ?? `${componentUrl(c.source.baseUrl, c.space, c.componentId)}/proposals/${node.id}`,
    provenance: {
      sourceId: c.source.id,
      platform: 'DECIDIM',
      upstreamId: node.id,
      upstreamReference: node.reference,
      harvestedAt: c.harvestedAt,
    },
    removedAt: null,
  };
}
