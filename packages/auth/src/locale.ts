export const LOCALES = ['fr', 'nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** A supported locale, or French (the base locale) for anything else. */
export function normaliseLocale(locale: string | null | undefined): Locale {
  const l = (locale ?? '').toLowerCase().slice(0, 2);
  return (LOCALES as readonly string[]).includes(l) ? (l as Locale) : DEFAULT_LOCALE;
}
