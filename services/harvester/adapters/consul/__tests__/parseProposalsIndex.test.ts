import { parseProposalsIndex } from '../parseProposalsIndex';

describe('parseProposalsIndex (docs/upstreams/consul.md §6.1)', () => {
  it('reads the cards of #proposals-list: ids in order, the image src of cards that have one, no placeholder', () => {
    const html = `
      <div id="featured-proposals"><div id="proposal_9" class="proposal"><img src="/featured.jpg"></div></div>
      <div id="proposals-list">
        <div id="proposal_12" class="proposal clear"><div class="panel with-image">
          <img src="/rails/active_storage/representations/redirect/abc/bank.jpg" alt="IMG_1.jpg">
          <h3><a href="/proposals/12-bank">Bank</a></h3>
          <div id="proposal_12_votes"></div></div></div>
        <div id="proposal_7" class="proposal clear"><div class="panel"><h3><a href="/proposals/7-x">X</a></h3></div></div>
        <div id="proposal_5" class="proposal clear"><div class="panel with-image">
          <img src="/assets/proposal_no_image-3b1f0c.jpg" alt=""></div></div>
      </div>`;
    const page = parseProposalsIndex(html);
    expect(page.isIndex).toBe(true);
    // The featured card above the list and the inner `_votes` block are not cards of the list.
    expect(page.ids).toEqual(['12', '7', '5']);
    expect([...page.images]).toEqual([['12', '/rails/active_storage/representations/redirect/abc/bank.jpg']]);
  });

  it('says when a page is not the index, and reads an empty list as no cards', () => {
    expect(parseProposalsIndex('<html><body>Onderhoud</body></html>')).toEqual({
      isIndex: false,
      ids: [],
      images: new Map(),
    });
    expect(parseProposalsIndex('<div id="proposals-list"><nav class="pagination"></nav></div>')).toEqual({
      isIndex: true,
      ids: [],
      images: new Map(),
    });
  });
});
