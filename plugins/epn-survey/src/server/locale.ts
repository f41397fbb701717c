/** The request's language as one of the three the plugin's texts exist in. */
export function lang(locale: string): 'fr' | 'nl' | 'en' {
  return locale === 'nl' || locale === 'en' ? locale : 'fr';
}
