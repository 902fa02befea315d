/**
 * Proposal images, which CONSUL's GraphQL does not have: read from the public proposals index
 * (docs/upstreams/consul.md §6.1) through the polite client, newest first (`order=created_at`, a stable order
 * for paging), 25 cards a page by default. Pages are read only until every harvested proposal the index can list (not
 * retired, not archived) has been seen, or a page lists fewer cards than the first (the last page). A harvest
 * therefore costs at most ⌈listed / 25⌉ extra requests (none when no harvested proposal can be listed), one
 * more when the index holds an exact multiple of 25 and a wanted proposal is missing from it.
 *
 * Images are best effort: a page that is not the index, or that fails (HTTP error, timeout, too large, paging
 * that loops), is reported as one issue and the proposals keep whatever images were read before it. The
 * proposals themselves come from GraphQL and are not lost over a decoration; the issue tells the operator.
 */
import type { Proposal } from '../../../core/model';
import { InspraakError } from '../../../core/errors';
import type { HarvestContext } from '../../adapter';
import { PaginationError, UpstreamSchemaError } from '../../errors';
import { pageGuard } from '../../http/HttpClient';
import { fetchHtml } from './fetchHtml';
import { baseUrlOf } from './normaliseProposal';
import { onOwnHost } from './ownHost';
import { parseProposalsIndex } from './parseProposalsIndex';
import type { ConsulSourceConfig } from './sourceSchema';

const MAX_PAGES = 1000;

/**
 * Sets `images` of the proposals the index shows an image for: the URL made absolute when it is on the
 * installation's own host (anything else is left out), the alt text the proposal's title. Returns the
 * number of index pages requested.
 */
export async function readProposalImages(
  ctx: HarvestContext<ConsulSourceConfig>,
  proposals: Proposal[],
): Promise<number> {
  const byId = new Map(proposals.map((p) => [p.provenance.upstreamId, p]));
  // Retired proposals are listed only under ?retired=, archived ones not at all (docs/upstreams/consul.md §6.1).
  const wanted = new Set(
    proposals.filter((p) => p.platformStatus === null && p.status !== 'CLOSED').map((p) => p.provenance.upstreamId),
  );
  if (wanted.size === 0) return 0;
  const base = baseUrlOf(ctx.source);
  const guard = pageGuard('CONSUL /proposals?order=created_at', MAX_PAGES);
  const seen = new Set<string>();
  let firstSize = 0;
  let page = 1;
  try {
    for (; ; page++) {
      guard(page);
      const index = parseProposalsIndex(await fetchHtml(ctx, 'proposals', { order: 'created_at', page }));
      if (!index.isIndex)
        throw new UpstreamSchemaError(`page ${page} is not CONSUL's proposals index (no #proposals-list)`);
      for (const [id, src] of index.images) {
        const p = byId.get(id);
        const url = p && onOwnHost(src, base);
        if (p && url && p.images.length === 0) p.images = [{ url, alt: p.title || null }];
      }
      const fresh = index.ids.filter((id) => !seen.has(id));
      if (index.ids.length > 0 && fresh.length === 0)
        throw new PaginationError(`page ${page} listed the same proposals as before: the paging loops`);
      for (const id of fresh) {
        seen.add(id);
        wanted.delete(id);
      }
      if (page === 1) firstSize = index.ids.length;
      if (wanted.size === 0 || index.ids.length === 0 || index.ids.length < firstSize) return page;
    }
  } catch (e) {
    if (!(e instanceof InspraakError)) throw e;
    ctx.report({
      kind: 'proposal',
      upstreamId: null,
      message: `CONSUL /proposals index (${e.code}): ${e.message}; proposal images from page ${page} on are left out`,
    });
    return page;
  }
}
