/**
 * Highlights: the passages of an item's texts where the query matched, HTML-escaped, with `<mark>`
 * around each word that produces one of the matched index terms.
 */
import type { SearchText } from '../documents';
import { languageOf, producesAny, tokens } from '../text/analyse';
import type { Highlight } from './SearchEngine';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Characters of context kept before the first match of a summary or body. */
const LEAD = 60;
/** Length of a summary or body passage. */
const WINDOW = 220;
/** Titles are short: they are shown whole up to this length. */
const TITLE_MAX = 300;

/**
 * The highlights of `texts` for the index terms a hit matched (`terms`), in the order of `texts`
 * (title, summary, body; primary language first). Texts without a match give none.
 */
export function highlightsOf(texts: readonly SearchText[], terms: ReadonlySet<string>): Highlight[] {
  const out: Highlight[] = [];
  for (const t of texts) {
    const language = languageOf(t.locale);
    const marks = tokens(t.text).filter((tok) => producesAny(tok.term, language, terms));
    if (marks.length === 0) continue;
    out.push({
      field: t.field,
      locale: t.locale,
      snippet: snippet(t.text, marks, t.field === 'TITLE' ? TITLE_MAX : WINDOW),
    });
  }
  return out;
}

function snippet(text: string, marks: { start: number; end: number }[], window: number): string {
  let from = 0;
  let to = Math.min(text.length, window);
  if (text.length > window) {
    const first = marks[0]!.start;
    from = Math.max(0, Math.min(first - LEAD, text.length - window));
    // Start and end on word boundaries.
    if (from > 0) from = nextBoundary(text, from);
    to = Math.min(text.length, from + window);
    if (to < text.length) to = previousBoundary(text, to, marks[0]!.end);
  }
  let html = from > 0 ? '…' : '';
  let at = from;
  for (const m of marks) {
    if (m.start < from) continue;
    if (m.end > to) break;
    html += escapeHtml(text.slice(at, m.start)) + '<mark>' + escapeHtml(text.slice(m.start, m.end)) + '</mark>';
    at = m.end;
  }
  html += escapeHtml(text.slice(at, to));
  return to < text.length ? `${html.trimEnd()}…` : html;
}

function nextBoundary(text: string, i: number): number {
  const space = text.indexOf(' ', i);
  return space === -1 || space - i > 20 ? i : space + 1;
}

function previousBoundary(text: string, i: number, atLeast: number): number {
  const space = text.lastIndexOf(' ', i);
  return space <= atLeast || i - space > 20 ? i : space;
}
