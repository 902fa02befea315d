/** Keys that would hold a person or their address: none may appear anywhere in a stored item. */
export const PERSONAL_KEYS = [
  'userid',
  'user',
  'author',
  'publicauthor',
  'nickname',
  'username',
  'voter',
  'voterid',
  'ip',
  'email',
];

/** Every key of `value`, lower-cased, at any depth (arrays and objects walked). */
export function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(k.toLowerCase());
      keysOf(v, into);
    }
  return into;
}
