/**
 * `/proposals?order=&page=`: the public proposals index, the only public place besides each proposal's own
 * page where a proposal's image shows (docs/upstreams/consul.md §6.1). Faithful in what the adapter reads:
 * inside `#proposals-list`, one card `id="proposal_<id>"` per proposal, its title linking to `/proposals/<id>-<slug>`, and, when the
 * proposal has an image, an `img` inside the card (alt = the image's own title). The rest is a plain stand-in.
 * Cards list the published proposals that are neither hidden nor retired, 25 a page (Kaminari's default);
 * the order is newest first whatever `order` asks; a page past the end is an empty list, not an error.
 */
import type { SimResponse } from '../simServer';
import { esc } from './railsPages';
import type { ConsulProposal, ConsulSeed } from './seedTypes';

const PER_PAGE = 25;

function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function card(p: ConsulProposal): string {
  const title = p.title.nl ?? Object.values(p.title)[0] ?? '';
  const href = `/proposals/${p.id}-${slug(title)}`;
  const content = `<div class="proposal-content"><h3><a href="${esc(href)}">${esc(title)}</a></h3><div class="proposal-description"><p>${esc(p.summary.nl ?? '')}</p></div></div>`;
  const votes = `<div id="proposal_${p.id}_votes" class="small-12 medium-3 column supports-container"><span class="total-supports">${p.cachedVotesUp}</span></div>`;
  const row = p.image
    ? `<div class="row" data-equalizer><div class="small-12 medium-3 large-2 column text-center"><div data-equalizer-watch><img src="${esc(p.image.path)}" alt="${esc(p.image.title)}"></div></div><div class="small-12 medium-6 large-7 column">${content}</div>${votes}</div>`
    : `<div class="row"><div class="small-12 medium-9 column">${content}</div>${votes}</div>`;
  return `<div id="proposal_${p.id}" class="proposal clear" data-type="proposal"><div class="panel${p.image ? ' with-image' : ''}">${row}</div></div>`;
}

export function proposalsIndex(seed: ConsulSeed, query: URLSearchParams): SimResponse {
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const listed = seed.proposals
    .filter((p) => !p.hidden && p.retiredAt === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const cards = listed.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(card);
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    text: `<!DOCTYPE html>\n<html lang="nl">\n<head><title>Voorstellen</title></head>\n<body>\n<main>\n<div id="proposals" class="proposals-list">\n<div id="proposals-list">\n${cards.join('\n')}\n</div>\n</div>\n</main>\n</body>\n</html>\n`,
  };
}
