/**
 * Text in a requested language, with the fallback chain every text field of the API shares (proposals,
 * budgets, projects): the exact language tag (`en-GB`), else a version in the same language (`en-GB` →
 * `en`, `en` → `en-US`), else the primary language. Tags compare case-insensitively.
 * Documented for clients in README, "Languages".
 */
import { BadUserInputError } from './errors';

const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/** Throws BAD_USER_INPUT unless `locale` is a BCP 47 language tag (language, optional subtags). */
export function checkLocale(locale: string): string {
  if (!TAG.test(locale)) {
    throw new BadUserInputError(
      `"${locale.slice(0, 40)}" is not a language tag: expected BCP 47, e.g. nl, en or en-GB.`,
    );
  }
  return locale;
}

/**
 * The version of a text in `locale` among `primary` and `translations` (each with its `locale`), by the
 * fallback chain above; `primary` when `locale` is null or undefined, or when nothing matches.
 * @example inLocaleOf({ locale: 'nl', title: 'Fietspad' }, [{ locale: 'en', title: 'Cycle path' }], 'en-GB').title // 'Cycle path'
 */
export function inLocaleOf<T extends { locale: string | null }>(
  primary: T,
  translations: readonly T[],
  locale: string | null | undefined,
): T {
  if (locale === null || locale === undefined) return primary;
  const wanted = checkLocale(locale).toLowerCase();
  const language = wanted.split('-')[0];
  const candidates = [primary, ...translations];
  return (
    candidates.find((t) => t.locale?.toLowerCase() === wanted) ??
    candidates.find((t) => t.locale?.toLowerCase().split('-')[0] === language) ??
    primary
  );
}
