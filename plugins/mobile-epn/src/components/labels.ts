import { t } from '@passerelle/i18n/translate';

// Labels of the plugin's codes (translated messages mobile_epn_reg_<list>_<code>) and dates in Brussels time.

export const topicLabel = (code: string) => t(`mobile_epn_topic_${code}`);
export const languageLabel = (code: string) => t(`mobile_epn_reg_lang_${code}`);
export const venueTypeLabel = (code: string) => t(`mobile_epn_reg_venue_${code}`);
export const genderLabel = (code: string) => t(`mobile_epn_reg_gender_${code}`);
export const ageLabel = (band: string) => t('mobile_epn_reg_age_years', { band: band.replace('-', '–') });

const intl = (locale: string) => (locale === 'en' ? 'en-GB' : `${locale === 'nl' ? 'nl' : 'fr'}-BE`);

/** "mardi 1 décembre 2026" */
export const dayOf = (date: Date | string, locale: string) => new Intl.DateTimeFormat(intl(locale), { timeZone: 'Europe/Brussels', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(date));
/** "14:00" */
export const timeOf = (date: Date | string, locale: string) => new Intl.DateTimeFormat(intl(locale), { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit' }).format(new Date(date));
/** "mardi 1 décembre 2026, 14:00–16:00" */
export const whenOf = (s: { startsAt: Date | string; endsAt: Date | string }, locale: string) => `${dayOf(s.startsAt, locale)}, ${timeOf(s.startsAt, locale)}–${timeOf(s.endsAt, locale)}`;
