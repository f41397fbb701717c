// Shared by index.ts (server, tests) and browser.ts: the messages (m), the runtime helpers and the
// language switch links.

import { deLocalizeHref, localizeHref, locales, type Locale } from './paraglide/runtime.js';

export { m } from './paraglide/messages.js';
export {
  baseLocale,
  cookieName,
  deLocalizeHref,
  deLocalizeUrl,
  getLocale,
  getTextDirection,
  isLocale,
  localizeHref,
  localizeUrl,
  locales,
  setLocale,
  toLocale
} from './paraglide/runtime.js';
export type { Locale, LocalizedString } from './paraglide/runtime.js';

/** Each language in its own name, for the language switch. */
export const LOCALE_NAMES = {
  fr: 'Français',
  nl: 'Nederlands',
  en: 'English'
} as const satisfies Record<Locale, string>;

export interface LanguageLink {
  locale: Locale;
  /** Endonym, for the link text. */
  name: string;
  /** The same page in that language, e.g. "/nl/ideas?page=2". */
  href: string;
}

/**
 * One link per language to the current page, for the language switch. Render them as plain links
 * with `hreflang`, `lang` and `data-sveltekit-reload` (the whole page must re-render in the new language).
 *
 * @param path the current path, localized or not, with its query string ("/fr/ideas?page=2").
 */
export function languageLinks(path: string): LanguageLink[] {
  const neutral = deLocalizeHref(path);
  return locales.map((locale) => ({ locale, name: LOCALE_NAMES[locale], href: localizeHref(neutral, { locale }) }));
}
