/** The twelve Dutch provinces with their CBS codes (`PV20`–`PV31`). */
import { BadUserInputError } from './errors';
import type { Province } from './model';
import { fold } from './text';

export const PROVINCES: readonly Province[] = [
  { code: 'PV20', name: 'Groningen' },
  { code: 'PV21', name: 'Fryslân' },
  { code: 'PV22', name: 'Drenthe' },
  { code: 'PV23', name: 'Overijssel' },
  { code: 'PV24', name: 'Flevoland' },
  { code: 'PV25', name: 'Gelderland' },
  { code: 'PV26', name: 'Utrecht' },
  { code: 'PV27', name: 'Noord-Holland' },
  { code: 'PV28', name: 'Zuid-Holland' },
  { code: 'PV29', name: 'Zeeland' },
  { code: 'PV30', name: 'Noord-Brabant' },
  { code: 'PV31', name: 'Limburg' },
];

const BY_KEY = new Map<string, Province>();
for (const p of PROVINCES) {
  BY_KEY.set(fold(p.code), p);
  BY_KEY.set(fold(p.name), p);
}
// CBS and most data sets write the Dutch name of Fryslân.
BY_KEY.set('friesland', PROVINCES[1]!);

/**
 * Resolves a province given by code (`PV27`) or name (`Noord-Holland`, `Fryslân`, `Friesland`),
 * ignoring case and diacritics. Throws BadUserInputError, listing the valid names, for anything else.
 */
export function resolveProvince(input: string): Province {
  const found = BY_KEY.get(fold(input));
  if (!found) {
    throw new BadUserInputError(
      `Unknown province "${input.slice(0, 60)}". Use a CBS code (PV20–PV31) or one of: ${PROVINCES.map((p) => p.name).join(', ')}.`,
    );
  }
  return found;
}
