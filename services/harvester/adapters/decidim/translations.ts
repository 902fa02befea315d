/**
 * Picks languages from Decidim's TranslatedFields (data-model §2.5, docs/upstreams/decidim.md §8 note 3): every locale
 * comes at once, machine translations are flagged, values may be empty strings.
 */
import type { TextTranslation, Translation } from '../../../core/model';
import { formattedText, plainText } from '../../text';
import type { LocalizedString, TranslatedFieldValue } from './upstreamSchemas';

const filled = (l: LocalizedString) => (l.text ?? '').trim() !== '';

/**
 * The primary locale of a resource: `preferred` if its title there is non-empty and not machine-translated,
 * else the first such locale, else the first non-empty one, else `preferred`.
 */
export function primaryLocale(title: TranslatedFieldValue | null, preferred: string): string {
  const list = title?.translations ?? [];
  const human = list.filter((l) => filled(l) && !l.machineTranslated);
  return (human.find((l) => l.locale === preferred) ?? human[0] ?? list.find(filled))?.locale ?? preferred;
}

/** The text of `field` in `locale`; the empty string when absent (never a fallback to another locale). */
export function textIn(field: TranslatedFieldValue | null | undefined, locale: string): string {
  return field?.translations.find((l) => l.locale === locale)?.text ?? '';
}

/** A name for a tag or state label: in `preferred`, else the first non-empty one; null when all are empty. */
export function nameOf(field: TranslatedFieldValue | null | undefined, preferred: string): string | null {
  const list = field?.translations ?? [];
  const text = (list.find((l) => l.locale === preferred && filled(l)) ?? list.find(filled))?.text;
  return text ? plainText(text) || null : null;
}

/**
 * Every language of a proposal, the primary first: title as plain text, body as sanitised HTML; a
 * translation is machine-translated if its title or body is. Locales where both are empty are left out.
 */
export function proposalTranslations(
  title: TranslatedFieldValue | null,
  body: TranslatedFieldValue | null,
  primary: string,
): Translation[] {
  const locales = [
    ...new Set([
      primary,
      ...(title?.translations ?? []).map((l) => l.locale),
      ...(body?.translations ?? []).map((l) => l.locale),
    ]),
  ];
  const out: Translation[] = [];
  for (const locale of locales) {
    const t = title?.translations.find((l) => l.locale === locale);
    const b = body?.translations.find((l) => l.locale === locale);
    const titleText = plainText(t?.text);
    const bodyText = formattedText(b?.text);
    if (locale !== primary && titleText === '' && bodyText.html === '') continue;
    out.push({
      locale,
      title: titleText,
      summary: null,
      body: bodyText,
      machineTranslated: Boolean(t?.machineTranslated) || Boolean(b?.machineTranslated),
    });
  }
  return out;
}

/**
 * A budget's or project's every language (title and description), the primary first, as
 * `{ translations }`; `{}` when only the primary language has text (nothing more to store).
 */
export function budgetTranslations(
  title: TranslatedFieldValue | null,
  description: TranslatedFieldValue | null,
  primary: string,
): { translations?: TextTranslation[] } {
  const all = proposalTranslations(title, description, primary);
  if (all.length < 2) return {};
  return {
    translations: all.map((t) => ({
      locale: t.locale,
      title: t.title,
      description: t.body,
      machineTranslated: t.machineTranslated,
    })),
  };
}
