/** Types for the parts of `hyphen` (which ships none) that the compound splitter uses. */
declare module 'hyphen/nl' {
  /** Inserts `hyphenChar` (default U+00AD) at every break the Dutch patterns allow. */
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
