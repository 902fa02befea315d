/**
 * A budget's or a project's title and description in a requested language, with the shared fallback
 * chain (services/core/locale.ts): the exact tag, else the same language, else the primary language.
 * A project without stored translations is in its budget's language (`primaryLocale`).
 */
import { inLocaleOf } from '../core/locale';
import type { FormattedText, TextTranslation } from '../core/model';

export interface LocalisedBudgetText {
  locale: string;
  title: string;
  description: FormattedText;
}

export function budgetTextIn(
  item: { title: string; description: FormattedText; translations?: readonly TextTranslation[] | undefined },
  primaryLocale: string,
  locale: string | null | undefined,
): LocalisedBudgetText {
  const translations = item.translations ?? [];
  const primary = {
    locale: translations[0]?.locale ?? primaryLocale,
    title: item.title,
    description: item.description,
  };
  const found = inLocaleOf<LocalisedBudgetText>(primary, translations.slice(1), locale);
  return { locale: found.locale, title: found.title, description: found.description };
}
