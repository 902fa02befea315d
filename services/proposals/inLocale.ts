/**
 * A proposal's text in a requested language, with a fallback chain: the exact language tag (`en-GB`),
 * else a translation in the same language (`en-GB` → `en`, `en` → `en-US`), else the primary language
 * (`Proposal.locale`). Tags compare case-insensitively.
 */
import { BadUserInputError } from '../core/errors';
import type { FormattedText, Proposal } from '../core/model';

export interface LocalisedText {
  locale: string;
  title: string;
  summary: string | null;
  body: FormattedText;
}

const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export function inLocale(p: Proposal, locale: string | null | undefined): LocalisedText {
  const primary = { locale: p.locale, title: p.title, summary: p.summary, body: p.body };
  if (locale === null || locale === undefined) return primary;
  if (!TAG.test(locale)) {
    throw new BadUserInputError(
      `"${locale.slice(0, 40)}" is not a language tag: expected BCP 47, e.g. nl, en or en-GB.`,
    );
  }
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  const candidates = [{ ...primary, machineTranslated: false }, ...p.translations];
  const found =
    candidates.find((t) => t.locale.toLowerCase() === wanted) ??
    candidates.find((t) => t.locale.toLowerCase().split('-')[0] === language);
  return found ? { locale: found.locale, title: found.title, summary: found.summary, body: found.body } : primary;
}
