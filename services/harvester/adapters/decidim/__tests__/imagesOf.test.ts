import { imagesOf } from '../imagesOf';

const BASE = 'https://doemee.example.nl';
const title = (text: string) => ({ translations: [{ locale: 'nl', text, machineTranslated: false }] });

describe('imagesOf', () => {
  it.each([
    [
      'a photo with a title (0.28+)',
      [{ url: `${BASE}/b/foto.jpg`, type: 'jpg', thumbnail: `${BASE}/b/foto-t.jpg`, title: title('Het plein') }],
      [{ url: `${BASE}/b/foto.jpg`, alt: 'Het plein' }],
    ],
    [
      'a photo without a title (0.27)',
      [{ url: `${BASE}/b/foto.PNG`, type: 'PNG', thumbnail: null }],
      [{ url: `${BASE}/b/foto.PNG`, alt: null }],
    ],
    ['a document', [{ url: `${BASE}/b/plan.pdf`, type: 'pdf', thumbnail: null, title: title('Plan') }], []],
    [
      'an image known only by its thumbnail',
      [{ url: `${BASE}/b/scan`, type: '', thumbnail: `${BASE}/t` }],
      [{ url: `${BASE}/b/scan`, alt: null }],
    ],
    [
      'a relative URL, made absolute',
      [{ url: '/rails/foto.jpeg', type: 'jpeg' }],
      [{ url: `${BASE}/rails/foto.jpeg`, alt: null }],
    ],
    ['a URL that is not http(s)', [{ url: 'javascript:alert(1)//.jpg', type: 'jpg' }], []],
    ['a null entry and a null list', [null], []],
  ])('%s', (_name, attachments, expected) => {
    expect(imagesOf(attachments, BASE, 'nl')).toEqual(expected);
  });

  it('reads nothing from a missing list', () => {
    expect(imagesOf(null, BASE, 'nl')).toEqual([]);
    expect(imagesOf(undefined, BASE, 'nl')).toEqual([]);
  });
});
