import { t } from '@passerelle/i18n';

/** A topic code in words (mobile_epn_topic_<code>); the code itself when unknown. */
export function topicLabel(code: string, locale: string): string {
  const key = `mobile_epn_topic_${code}`;
  const text = t(key, {}, { locale });
  return text === key ? code : text;
}

/** The three languages the plugin's texts exist in. */
export function lang(locale: string | null | undefined): 'fr' | 'nl' | 'en' {
  return locale === 'nl' || locale === 'en' ? locale : 'fr';
}
