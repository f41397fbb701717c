import { getLocale } from '@passerelle/i18n';
import { t } from '@passerelle/i18n/translate';

// Labels and formatters of the staff pages, in the page's language.

export const L = (key: string, params?: Record<string, string | number>) => t(key, params);
export const breakdownLabel = (id: string) => id.split('×').map((p) => t(`barometer_manage_breakdown_${p}`)).join(' × ');
export const statusLabel = (s: string) => t(`barometer_manage_status_${s}`);
export const versionStatusLabel = (s: string, released: boolean) => t(released ? 'barometer_manage_version_released' : `barometer_manage_version_${s}`);
export const sourceLabel = (s: string) => t(`barometer_manage_source_${s}`);
const tag = () => (getLocale() === 'nl' ? 'nl-BE' : getLocale() === 'en' ? 'en-GB' : 'fr-BE');
export const dateTime = (d: Date | string | null) => (d ? new Intl.DateTimeFormat(tag(), { timeZone: 'Europe/Brussels', dateStyle: 'long', timeStyle: 'short' }).format(new Date(d)) : '');
export const percent = (p: number | null) => (p === null ? '—' : new Intl.NumberFormat(tag(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(p));
export const integer = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(tag()).format(n));
export const localized = (x: { fr: string; nl: string; en: string } | null | undefined) => (x ? (x[getLocale() as 'fr' | 'nl' | 'en'] ?? x.fr) : '');
export type FormState = { values?: Record<string, string>; errors?: Record<string, string>; message?: string } | null | undefined;
