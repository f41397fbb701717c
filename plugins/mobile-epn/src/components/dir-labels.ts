import { t } from '@passerelle/i18n/translate';

// Labels of the fixed lists (services/lists.ts) and small formatters, in the page's language.

export const L = (key: string, params?: Record<string, string | number>) => t(key, params);
export const topicLabel = (code: string) => t(`mobile_epn_topic_${code}`);
export const languageLabel = (code: string) => t(`mobile_epn_dir_language_${code}`);
export const venueTypeLabel = (code: string) => t(`mobile_epn_dir_venue_type_${code}`);
export const travelModeLabel = (code: string) => t(`mobile_epn_dir_travel_${code}`);
export const kitStatusLabel = (code: string) => t(`mobile_epn_dir_kit_status_${code}`);
export const requestStatusLabel = (code: string) => t(`mobile_epn_req_status_${code}`);
export const weekdayLabel = (n: number) => t(`mobile_epn_dir_weekday_${n}`);

const TZ = 'Europe/Brussels';
/** "mardi 3 décembre 2026, 14:00" in Brussels time. */
export const dateTime = (d: Date | string, locale: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : locale === 'en' ? 'en-GB' : 'fr-BE', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(d));
export const shortDate = (d: Date | string, locale: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : locale === 'en' ? 'en-GB' : 'fr-BE', { timeZone: TZ, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(d));

export type FormState = { values?: Record<string, string>; errors?: Record<string, string>; message?: string; lists?: Record<string, string[]>; picked?: 'yes' | 'outside' | 'keyboard'; form?: string } | null | undefined;

/** Rows of the availability form per weekday (empty rows are ignored). */
export const ROWS_PER_DAY = 3;
