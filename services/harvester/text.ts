/**
 * Text from installations: HTML is sanitised with sanitize-html (maintained, allow-list based) and plain
 * text is derived with html-to-text (maintained). Upstream HTML is never trusted (docs/upstreams/decidim.md §8 note 3:
 * "not escaped"; docs/upstreams/consul.md §8 note 10: raw stored HTML).
 */
import { compile } from 'html-to-text';
import sanitize from 'sanitize-html';
import type { FormattedText } from '../core/model';

const ALLOWED: sanitize.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'a',
    'blockquote',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'code',
    'pre',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    h1: 'h2',
    a: sanitize.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
  disallowedTagsMode: 'discard',
};

/** Sanitised HTML and the plain text it reads as. */
export function formattedText(html: string | null | undefined): FormattedText {
  const clean = sanitize(html ?? '', ALLOWED).trim();
  return { html: clean, text: plainTextOf(clean) };
}

// Compiled once: html-to-text's convert() compiles its options on every call, which dominated harvests.
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'img', format: 'skip' },
  ],
});

/** Plain text of HTML: paragraphs separated by a blank line, list items with `- `, links as their text. */
export function plainTextOf(html: string): string {
  // Text without markup or entities reads as itself, with HTML's whitespace collapsing.
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return toText(html).trim();
}

/** Text that should be plain but may hold tags or entities (OpenStad titles, docs/upstreams/openstad.md §2.5): decoded, tags dropped. */
export function plainText(s: string | null | undefined): string {
  if (!s) return '';
  if (!/[<>&]/.test(s)) return s.replace(/\s+/g, ' ').trim();
  return plainTextOf(sanitize(s, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();
}
