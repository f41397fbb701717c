import { COMMUNES, type Commune } from './communes.ts';

export { COMMUNES, BRUSSELS_BOUNDS, type Commune } from './communes.ts';

/** The credit line that SOURCE.md asks for, verbatim. Show it wherever the boundaries are drawn. */
export const COMMUNES_ATTRIBUTION =
  'Commune boundaries: © Statbel (Statistics Belgium), statistical sectors 2011, via BelgiumMaps.StatBel (BNOSAC), CC BY 2.0; simplified.';

export type NameLanguage = 'fr' | 'nl' | 'en';

/** 'nl-BE' -> 'nl'; anything that is not fr, nl or en falls back to French (the region's majority language). */
export function nameLanguage(locale: string): NameLanguage {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === 'nl' || language === 'en' ? language : 'fr';
}

export function communeName(commune: Commune, locale: string): string {
  return commune[`name_${nameLanguage(locale)}`];
}

export function findCommune(nis: string): Commune | undefined {
  return COMMUNES.find((commune) => commune.nis === nis);
}
