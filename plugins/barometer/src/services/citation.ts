import { localizeHref, t } from '@passerelle/i18n';
import { brusselsParts } from '@passerelle/plugin-sdk/time';
import type { PublishedVersion } from './published.ts';

// How to cite a released version, in FR/NL/EN, and the stable addresses it points to. A citation names
// the version number and its release date, so that a figure quoted from version 1 can still be found
// after a correction (version 2): the link keeps ?version=N.

export const LOCALES = ['fr', 'nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function toLocale(value: string | null | undefined, fallback: Locale = 'fr'): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : fallback;
}

/** The release date (Brussels calendar day), YYYY-MM-DD. */
export const releaseDay = (v: Pick<PublishedVersion, 'releaseAt'>) => brusselsParts(v.releaseAt).day;

/** The public edition page of a version, absolute, in a language. */
export function editionPageUrl({ origin, year, number, locale }: { origin: string; year: number; number?: number; locale: Locale }): string {
  return `${origin}${localizeHref(`/barometer/editions/${year}${number === undefined ? '' : `?version=${number}`}`, { locale })}`;
}

/** Base of the open-data API. */
export const apiBase = (origin: string) => `${origin}/api/barometer/v1`;

/** The stable files of one released version (immutable, cacheable). */
export function versionFilesBase(origin: string, year: number, number: number): string {
  return `${apiBase(origin)}/editions/${year}/versions/${number}`;
}

/**
 * "Brussels-Capital Region, Digital inclusion barometer 2025, version 2 (released 2026-03-01).
 * https://…/en/barometer/editions/2025?version=2" — with the synthetic label when the data is made up.
 */
export function citation({ version, origin, locale }: { version: Pick<PublishedVersion, 'year' | 'number' | 'releaseAt' | 'synthetic'>; origin: string; locale: Locale }): string {
  const text = t('barometer_data_citation', { year: version.year, version: version.number, date: releaseDay(version), url: editionPageUrl({ origin, year: version.year, number: version.number, locale }) }, { locale });
  return version.synthetic ? `${text} ${t('barometer_data_citation_synthetic', undefined, { locale })}` : text;
}

/** The citation in the three languages. */
export function citations(args: { version: Pick<PublishedVersion, 'year' | 'number' | 'releaseAt' | 'synthetic'>; origin: string }): Record<Locale, string> {
  return { fr: citation({ ...args, locale: 'fr' }), nl: citation({ ...args, locale: 'nl' }), en: citation({ ...args, locale: 'en' }) };
}
