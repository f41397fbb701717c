// The 19 communes of the Brussels-Capital Region, typed. Reference data from
// data/brussels/communes.json (sources and licences in data/brussels/SOURCE.md); the migration
// `..._communes` inserts the same rows into core_commune. No Node imports: usable in the browser.
import communesJson from '../data/brussels/communes.json' with { type: 'json' };

export type CommuneLocale = 'fr' | 'nl' | 'en';

export interface CommuneInfo {
  /** NIS (REFNIS) code, "21001".."21019"; the primary key of core_commune. */
  nis: string;
  nameFr: string;
  nameNl: string;
  nameEn: string;
  /** bpost postal codes of the commune's localities (a lookup, not a geocoder). */
  postalCodes: string[];
}

export const COMMUNES: readonly CommuneInfo[] = Object.freeze(
  communesJson.map((c) => ({
    nis: c.nis,
    nameFr: c.name_fr,
    nameNl: c.name_nl,
    nameEn: c.name_en,
    postalCodes: [...c.postal_codes],
  })),
);

const BY_NIS = new Map(COMMUNES.map((c) => [c.nis, c]));

/** The commune with this NIS code, if it is one of the 19. */
export function communeByNis(nis: string): CommuneInfo | undefined {
  return BY_NIS.get(nis);
}

/**
 * The commune's name in a locale ('fr', 'nl', 'en'; a tag such as 'nl-BE' works too, anything else
 * gives French). undefined for an unknown NIS code.
 */
export function communeName(nis: string, locale: string = 'fr'): string | undefined {
  const commune = BY_NIS.get(nis);
  if (!commune) return undefined;
  switch (locale.slice(0, 2).toLowerCase()) {
    case 'nl':
      return commune.nameNl;
    case 'en':
      return commune.nameEn;
    default:
      return commune.nameFr;
  }
}

/**
 * Roughly the Brussels-Capital Region, with a margin (WGS 84): a point outside is a typing or clicking
 * mistake. Shared by every plugin that takes coordinates.
 */
export const BRUSSELS_BOUNDS = Object.freeze({ south: 50.76, north: 50.92, west: 4.24, east: 4.49 } as const);
