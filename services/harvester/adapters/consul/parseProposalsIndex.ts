/**
 * Parser for CONSUL's public proposals index (docs/upstreams/consul.md §6.1), with cheerio. It looks only for
 * the markers the reference names: the list `#proposals-list`, in it one card per proposal with the id `proposal_<id>`, and the `img` inside
 * a card when the proposal has an image.
 */
import { load } from 'cheerio';

/** A "no image" placeholder asset, as CONSUL uses for investments (docs/upstreams/consul.md §5.4 item 9, §6.1). */
const PLACEHOLDER = /(?:^|\/)[a-z_]*no_image[^/]*$/;

export interface ProposalsIndexPage {
  /** False when the page has no `#proposals-list`: it is not CONSUL's proposals index. */
  isIndex: boolean;
  /** The proposal ids the page lists, in page order, without repeats. */
  ids: string[];
  /** The image `src` (as written) each card shows, by proposal id; cards without one are absent. */
  images: Map<string, string>;
}

export function parseProposalsIndex(html: string): ProposalsIndexPage {
  const $ = load(html);
  const ids: string[] = [];
  const images = new Map<string, string>();
  const list = $('#proposals-list');
  // Cards only inside the list: the featured proposals above it are listed again elsewhere (§6.1).
  list.find('[id^="proposal_"]').each((_, el) => {
    // `proposal_<id>_votes` and similar inner blocks are not cards.
    const id = /^proposal_(\d+)$/.exec($(el).attr('id') ?? '')?.[1];
    if (!id || ids.includes(id)) return;
    ids.push(id);
    const src = $(el).find('img[src]').first().attr('src')?.trim();
    if (src && !PLACEHOLDER.test(src.split(/[?#]/)[0]!)) images.set(id, src);
  });
  return { isIndex: list.length > 0, ids, images };
}
