import type { Proposal } from '../../../core/model';
import type { HarvestContext } from '../../adapter';
import type { ConsulSourceConfig } from './sourceSchema';
import { crawlConnection } from './crawlConnection';
import { normaliseProposal } from './normaliseProposal';
import { readProposalImages } from './readProposalImages';
import { PROPOSAL_TRANSLATIONS, PROPOSALS } from './queries';
import {
  proposalNodeSchema,
  proposalTranslationSchema,
  rawId,
  type ConsulProposalTranslation,
} from './upstreamSchemas';

const pickProposals = (data: Record<string, unknown>) => data.proposals;

/**
 * Crawls proposals once per configured locale, `?locale=xx` each, the first locale fully and the others
 * for their translatable fields only (docs/upstreams/consul.md §2 "Locale", §8 note 9; docs/data-model.md §2.5). Rows
 * are deduplicated by id, because offset pages over an unordered relation can repeat rows (docs/upstreams/consul.md
 * §3.1, §8 note 4). A record that fails validation or normalisation is reported and skipped. Images come
 * from the proposals index pages afterwards (readProposalImages, best effort).
 */
export async function harvestProposals(ctx: HarvestContext<ConsulSourceConfig>): Promise<Proposal[]> {
  const [primaryLocale = 'nl', ...otherLocales] = ctx.source.locales;
  const translations = new Map<string, Map<string, ConsulProposalTranslation>>();
  const primary = await crawlConnection(ctx, {
    query: PROPOSALS,
    locale: primaryLocale,
    pick: pickProposals,
    where: `proposals (${primaryLocale})`,
  });
  for (const locale of otherLocales) {
    const nodes = await crawlConnection(ctx, {
      query: PROPOSAL_TRANSLATIONS,
      locale,
      pick: pickProposals,
      where: `proposals (${locale})`,
    });
    for (const node of nodes) {
      // A translation that does not validate is dropped; the proposal itself comes from the primary crawl.
      const t = proposalTranslationSchema.safeParse(node);
      if (!t.success) continue;
      let byLocale = translations.get(t.data.id);
      if (!byLocale) {
        byLocale = new Map();
        translations.set(t.data.id, byLocale);
      }
      if (!byLocale.has(locale)) byLocale.set(locale, t.data);
    }
  }
  const seen = new Set<string>();
  const proposals: Proposal[] = [];
  for (const node of primary) {
    const upstreamId = rawId(node);
    if (upstreamId !== null && seen.has(upstreamId)) continue;
    if (upstreamId !== null) seen.add(upstreamId);
    const parsed = proposalNodeSchema.safeParse(node);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      ctx.report({
        kind: 'proposal',
        upstreamId,
        message: `CONSUL proposal does not validate: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      });
      continue;
    }
    try {
      proposals.push(normaliseProposal(parsed.data, translations.get(parsed.data.id) ?? new Map(), ctx));
    } catch (e) {
      ctx.report({
        kind: 'proposal',
        upstreamId: parsed.data.id,
        message: `CONSUL proposal cannot be normalised: ${(e as Error).message}`,
      });
    }
  }
  await readProposalImages(ctx, proposals);
  return proposals;
}
