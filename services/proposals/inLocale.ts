/**
 * A proposal's text in a requested language, with the shared fallback chain (services/core/locale.ts):
 * the exact language tag, else the same language, else the primary language (`Proposal.locale`).
 */
import { inLocaleOf } from '../core/locale';
import type { FormattedText, Proposal } from '../core/model';

export interface LocalisedText {
  locale: string;
  title: string;
  summary: string | null;
  body: FormattedText;
}

export function inLocale(p: Proposal, locale: string | null | undefined): LocalisedText {
  const primary = { locale: p.locale, title: p.title, summary: p.summary, body: p.body };
  const found = inLocaleOf<LocalisedText>(primary, p.translations, locale);
  return { locale: found.locale, title: found.title, summary: found.summary, body: found.body };
}
