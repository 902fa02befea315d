/**
 * How text becomes index terms and how query words become the terms to look for. Both sides fold case
 * and diacritics the same way (`Café` → `cafe`), drop stop words and add the stem of each word, using
 * the maintained Snowball stemmers and stop-word lists of @orama/stemmers and @orama/stopwords.
 */
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { fold } from '../../core/text';
import type { SearchText, TextField } from '../documents';

/** The analysers: Dutch and English text are stemmed; any other language is only folded. */
export type Language = 'nl' | 'en' | 'xx';

const STOP: Record<Language, ReadonlySet<string>> = {
  nl: new Set(dutchStopwords.map(fold)),
  en: new Set(englishStopwords.map(fold)),
  xx: new Set(),
};
/**
 * Stems are memoised: words follow Zipf's law, so a small cache saves most of the stemmer's work when
 * a hundred thousand items are indexed. The cache is cleared when it grows past its bound.
 */
function memo(stem: (w: string) => string, max = 200_000): (w: string) => string {
  const cache = new Map<string, string>();
  return (w) => {
    let s = cache.get(w);
    if (s === undefined) {
      if (cache.size >= max) cache.clear();
      s = stem(w);
      cache.set(w, s);
    }
    return s;
  };
}

const STEM: Record<Language, (w: string) => string> = {
  nl: memo(dutchStemmer),
  en: memo(englishStemmer),
  xx: (w) => w,
};

/** The analyser for a BCP 47 locale: `nl`, `nl-BE` → nl; `en-GB` → en; anything else → xx. */
export function languageOf(locale: string): Language {
  const l = locale.toLowerCase();
  if (l === 'nl' || l.startsWith('nl-')) return 'nl';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return 'xx';
}

// Letters, digits and combining marks (so a decomposed `e\u0301` stays inside its word).
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A word of a text with its place, for highlighting. */
export interface Token {
  /** The folded word. */
  term: string;
  start: number;
  end: number;
}

/** The words of `text`, folded, with their offsets in `text`. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const term = fold(m[0]);
    if (term) out.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const FOLDED_WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of `text`, for the index's tokenizer: one fold of the whole text, then a split. */
export function words(text: string): string[] {
  return fold(text).match(FOLDED_WORD) ?? [];
}

/**
 * The index terms of one folded word in text of `language`: the word itself (so that prefixes of the
 * full word match) and its stem (so that `fietsenstallingen` and `fietsenstalling` meet). Null for a
 * stop word.
 */
export function indexTerms(word: string, language: Language): string[] | null {
  if (STOP[language].has(word)) return null;
  const stem = STEM[language](word);
  return stem && stem !== word ? [word, stem] : [word];
}

/**
 * The words of a query, folded, without stop words (Dutch or English), at most `max`.
 * An empty list means: browse.
 */
export function queryWords(query: string, max = 12): string[] {
  return words(query)
    .filter((w) => !STOP.nl.has(w) && !STOP.en.has(w))
    .slice(0, max);
}

/** What one query word may match in the index: itself and its Dutch and English stems. */
export function queryVariants(word: string): string[] {
  return [...new Set([word, STEM.nl(word), STEM.en(word)].filter((v) => v.length > 0))];
}

/**
 * The typo tolerance for a query term: no edits below 4 letters, one from 4, two from 8, so that
 * `speeltuim` finds `speeltuin` while `bos` does not find `bus`.
 */
export function editDistanceFor(term: string): number {
  if (term.length >= 8) return 2;
  if (term.length >= 4) return 1;
  return 0;
}

/** Whether a folded word of text in `language` produces any of `terms` as an index term. */
export function producesAny(word: string, language: Language, terms: ReadonlySet<string>): boolean {
  if (terms.has(word)) return true;
  const stem = STEM[language](word);
  return terms.has(stem);
}

const TEXT_FIELDS: readonly TextField[] = ['TITLE', 'SUMMARY', 'BODY'];
const LANGUAGES: readonly Language[] = ['nl', 'en', 'xx'];
/** The index fields: one per text and language (`TITLE` in Dutch, …), so each language has its own analyser. */
export const INDEX_FIELDS = TEXT_FIELDS.flatMap((field) => LANGUAGES.map((language) => ({ field, language })));

/** What the index keeps of a document's texts: per index field, term → frequency, and the distinct words. */
export interface AnalysedTexts {
  terms: Map<string, number>[];
  /** Distinct words per index field, stop words included (BM25's field length). */
  lengths: number[];
}

/**
 * The index terms of a document's texts. Texts of one field and language are taken together; each word
 * counts as itself and its stem (`indexTerms`), stop words count for length only.
 */
export function analyseTexts(texts: readonly SearchText[]): AnalysedTexts {
  const perField: string[][] = INDEX_FIELDS.map(() => []);
  for (const t of texts) {
    const f = TEXT_FIELDS.indexOf(t.field) * LANGUAGES.length + LANGUAGES.indexOf(languageOf(t.locale));
    for (const w of words(t.text)) perField[f]!.push(w);
  }
  const terms = perField.map((ws, f) => {
    const language = INDEX_FIELDS[f]!.language;
    const tf = new Map<string, number>();
    for (const w of ws) {
      const ts = indexTerms(w, language);
      if (ts) for (const term of ts) tf.set(term, (tf.get(term) ?? 0) + 1);
    }
    return tf;
  });
  return { terms, lengths: perField.map((ws) => new Set(ws).size) };
}
