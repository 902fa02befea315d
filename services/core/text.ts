/** Lower-cases and strips diacritics, so that `Fryslân` and `fryslan` compare equal. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
