/**
 * Dutch compounds, at query time: `fiets stalling` also looks for `fietsenstalling`, and
 * `fietsenstalling` also for `fiets(en)` + `stalling` written apart. Splits are only tried at the
 * hyphenation points of the maintained Dutch TeX patterns (`hyphen/nl`: fiet-sen-stal-ling), and a part
 * counts only when the index knows it (as a word or a stem), so the word list is the corpus itself:
 * a part no document has could not match anything anyway. Joins try the Dutch linking forms
 * (tussenklanken): nothing, -s-, -e-, -en-, -n-, and a doubled consonant before -e-/-en- (zon → zonne).
 */

/** Parts and compounds shorter than this are not considered (`bo|men` is not a compound). */
const MIN_PART = 3;
/** Words shorter than this are not split. */
const MIN_SPLIT = 7;
const LINKS = ['s', 'en', 'e', 'n'];

const hyphenationCache = new Map<string, number[]>();
/** The patterns take ~50 ms to load: only when a word could be a compound at all. */
let hyphenate: typeof import('hyphen/nl').hyphenateSync | null = null;

/** The positions inside `word` where Dutch hyphenation allows a break. */
function breaks(word: string): number[] {
  let at = hyphenationCache.get(word);
  if (!at) {
    if (hyphenationCache.size > 50_000) hyphenationCache.clear();
    at = [];
    let i = 0;
    hyphenate ??= (require('hyphen/nl') as typeof import('hyphen/nl')).hyphenateSync;
    for (const syllable of hyphenate(word, { hyphenChar: '\u00ad' }).split('\u00ad')) {
      i += syllable.length;
      if (i < word.length) at.push(i);
    }
    hyphenationCache.set(word, at);
  }
  return at;
}

/**
 * A left part as the index knows it: itself, or without its linking sound (`fietsen` → `fiets`,
 * `ontmoetings` → `ontmoeting`, `zonne` → `zon`).
 */
function leftPart(part: string, known: (term: string) => boolean): string | null {
  if (known(part)) return part;
  for (const link of LINKS) {
    if (part.length - link.length < MIN_PART || !part.endsWith(link)) continue;
    const base = part.slice(0, -link.length);
    if (known(base)) return base;
    // A doubled consonant before -e(n)- belongs to the link: zon + n + e.
    if (link.startsWith('e') && base.at(-1) === base.at(-2) && known(base.slice(0, -1))) return base.slice(0, -1);
  }
  return null;
}

/**
 * The parts of a compound `word`, each known to the index, or null when it does not split that way.
 * Splits are tried at hyphenation points from the left; the right side may split again
 * (`honden|uitlaat|plaats`).
 * @example splitCompound('fietsenstalling', known) // ['fietsen', 'stalling'] when both are known
 */
export function splitCompound(word: string, known: (term: string) => boolean): string[] | null {
  if (word.length < MIN_SPLIT || !couldSplit(word, known)) return null;
  return splitAt(word, breaks(word), 0, known);
}

/** Whether a known left part and a known right part exist at all, before asking the hyphenation patterns. */
function couldSplit(word: string, known: (term: string) => boolean): boolean {
  let left = false;
  for (let k = MIN_PART; k <= word.length - MIN_PART && !left; k++) left = leftPart(word.slice(0, k), known) !== null;
  if (!left) return false;
  for (let k = MIN_PART; k <= word.length - MIN_PART; k++) if (known(word.slice(k))) return true;
  return false;
}

function splitAt(word: string, at: number[], from: number, known: (term: string) => boolean): string[] | null {
  for (const k of at) {
    if (k - from < MIN_PART || word.length - k < MIN_PART) continue;
    const left = leftPart(word.slice(from, k), known);
    if (!left) continue;
    const right = word.slice(k);
    if (known(right)) return [left, right];
    const rest = splitAt(word, at, k, known);
    if (rest) return [left, ...rest];
  }
  return null;
}

/**
 * The compound the index knows for two words written apart, or null.
 * @example joinCompound('fiets', 'stalling', known) // 'fietsenstalling' when the index has it
 */
export function joinCompound(a: string, b: string, known: (term: string) => boolean): string | null {
  if (a.length < MIN_PART || b.length < MIN_PART) return null;
  const last = a.at(-1)!;
  const forms = ['', ...LINKS];
  if (!'aeiou'.includes(last)) forms.push(`${last}e`, `${last}en`);
  for (const link of forms) {
    const c = a + link + b;
    if (known(c)) return c;
  }
  return null;
}
