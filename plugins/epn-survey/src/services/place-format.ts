import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { z } from 'zod';
import { BRUSSELS_BOUNDS, COMMUNES, communeByNis } from '@passerelle/db/communes';
import { ACCESSIBILITY, LANGUAGES, PUBLICS, SERVICES } from './lists.ts';
import { brusselsDay, checkOpeningHours } from './opening-hours.ts';

// The EPN directory's open-data format: a Belgian profile of the French "lieux de médiation
// numérique" standard (LaMednum/standard-mediation-num), so that tools built for mednum data read
// ours with few changes.
//
// Followed: mednum **v1.0.1** (schema.data.gouv.fr documentation of LaMednum/standard-mediation-num:
// Frictionless table schema, primary key `id`, `|` between the items of a list cell).
// What the Belgian profile changes:
//  - `code_insee` → `code_nis`: the 5-digit NIS (REFNIS) code of one of the 19 Brussels communes.
//  - `code_postal`: 4-digit Belgian postcode instead of 5 digits; `commune` (French name) gets a
//    `commune_nl` sibling, Brussels being bilingual. Both names are written on export and ignored on
//    import (code_nis decides).
//  - `pivot` (SIRET/RNA) is left out: Passerelle stores no BCE/KBO enterprise number yet.
//  - `courriels` and `site_web` hold one value (Passerelle stores one), not a `|` list.
//  - Added, Passerelle-only: `langues`, `accessibilite`, `nombre_appareils`, `label_epn_bruxelles`,
//    `label_epn_depuis`.
//  - Not carried (Passerelle has no data for them): typologie, presentation_resume/detail, source,
//    frais_a_charge, dispositif_programmes_nationaux, formations_labels, autres_formations_labels,
//    modalites_acces, fiche_acces_libre, prise_rdv, complement_adresse. Import ignores unknown columns,
//    so mednum files that have them still load.
// Codes of lists: a Passerelle code is written as its mednum value where one exists (table
// CODE_TO_MEDNUM), otherwise as the code itself (documented there); import reads both.

export const MEDNUM_VERSION = '1.0.1';
export const MEDNUM_URL = 'https://github.com/LaMednum/standard-mediation-num';
/** Version of this profile; bump it when fields change. */
export const PROFILE_VERSION = '1.0.0';

/** Between the items of a list cell, as in mednum v1 files. Import also accepts mednum v0's ";". */
export const LIST_SEPARATOR = '|';

/** The coordinate box of the place form (BRUSSELS_BOUNDS of @passerelle/db/communes). */
export const DIRECTORY_BOUNDS = BRUSSELS_BOUNDS;

export const IMPORT_MAX_ROWS = 5_000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// The place, as this module sees it

/** A directory place: the EpnPlace columns that travel in the open-data file. */
export interface DirectoryPlace {
  id: string;
  name: string;
  street: string;
  postcode: string;
  communeNis: string;
  latitude: number | null;
  longitude: number | null;
  phone: string;
  email: string;
  website: string;
  openingHours: string;
  services: string[];
  publics: string[];
  accessibility: string[];
  languages: string[];
  devices: number;
  labelled: boolean;
  /** A calendar day (UTC midnight, like a Prisma @db.Date). */
  labelSince: Date | null;
  mobile: boolean;
  /** Only its day travels (date_maj), in Brussels time. */
  updatedAt: Date;
}

/** A place read from a file: without id it is a new place; without date_maj, the importer dates it. */
export interface ImportedPlace extends Omit<DirectoryPlace, 'id' | 'updatedAt'> {
  id: string | null;
  /** date_maj as a UTC-midnight day. */
  updatedAt: Date | null;
}

/** A place with its organisation, as the directory's queries return it. */
export type ExportPlace = DirectoryPlace & { organisation: { name: string } };

// ---------------------------------------------------------------------------------------------
// Codes ↔ mednum values

type ListColumn = 'services' | 'modalites_accompagnement' | 'publics_specifiquement_adresses' | 'prise_en_charge_specifique';

interface CodeMapping {
  column: ListColumn;
  value: string;
}

/**
 * Passerelle code → mednum v1.0.1 value (and the mednum column it belongs to). A mednum value is used
 * by one code only, so that import gives back the same codes.
 *
 * Services (Passerelle `services`):
 *   free_access       → services "Accès internet et matériel informatique" (computers in free access)
 *   online_admin_help → services "Aide aux démarches administratives"
 *   job_search_help   → services "Insertion professionnelle via le numérique"
 *   individual_help   → modalites_accompagnement "Accompagnement individuel"
 *   workshops         → modalites_accompagnement "Dans un atelier collectif"
 *   device_loan, printing, wifi, device_repair: no mednum equivalent (mednum's "Acquisition de
 *   matériel informatique à prix solidaire" is buying, not lending or repairing; wifi is covered by
 *   free_access's value already) → written as the code, in `services`.
 * Publics (Passerelle `publics`):
 *   young_people → publics_specifiquement_adresses "Jeunes"
 *   seniors      → publics_specifiquement_adresses "Seniors"
 *   families     → publics_specifiquement_adresses "Familles et/ou enfants"
 *   low_literacy → prise_en_charge_specifique "Illettrisme"
 *   everyone, job_seekers, newcomers, people_with_disabilities: no mednum equivalent (mednum leaves
 *   the field empty for "everyone", and names specific disabilities only) → the code, in
 *   `publics_specifiquement_adresses`.
 * Accessibility and languages have their own Belgian columns (`accessibilite`, `langues`), with the
 * codes: mednum's prise_en_charge_specifique describes accompaniment skills, not building access.
 */
const CODE_TO_MEDNUM: Readonly<Record<string, CodeMapping>> = {
  'services:free_access': { column: 'services', value: 'Accès internet et matériel informatique' },
  'services:online_admin_help': { column: 'services', value: 'Aide aux démarches administratives' },
  'services:job_search_help': { column: 'services', value: 'Insertion professionnelle via le numérique' },
  'services:individual_help': { column: 'modalites_accompagnement', value: 'Accompagnement individuel' },
  'services:workshops': { column: 'modalites_accompagnement', value: 'Dans un atelier collectif' },
  'publics:young_people': { column: 'publics_specifiquement_adresses', value: 'Jeunes' },
  'publics:seniors': { column: 'publics_specifiquement_adresses', value: 'Seniors' },
  'publics:families': { column: 'publics_specifiquement_adresses', value: 'Familles et/ou enfants' },
  'publics:low_literacy': { column: 'prise_en_charge_specifique', value: 'Illettrisme' }
};

type CodeList = 'services' | 'publics';
const CODES: Record<CodeList, readonly string[]> = { services: SERVICES, publics: PUBLICS };
/** Where a code without a mednum value is written. */
const HOME_COLUMN: Record<CodeList, ListColumn> = { services: 'services', publics: 'publics_specifiquement_adresses' };
/** Which Passerelle list each mednum column feeds on import. */
const COLUMN_LIST: Record<ListColumn, CodeList> = {
  services: 'services',
  modalites_accompagnement: 'services',
  publics_specifiquement_adresses: 'publics',
  prise_en_charge_specifique: 'publics'
};

/** The items a list column may hold: mednum values mapped to it, and the unmapped codes homed there. */
function columnItems(column: ListColumn): string[] {
  const list = COLUMN_LIST[column];
  return CODES[list].flatMap((code) => {
    const mapped = CODE_TO_MEDNUM[`${list}:${code}`];
    if (mapped) return mapped.column === column ? [mapped.value] : [];
    return HOME_COLUMN[list] === column ? [code] : [];
  });
}

/** Case-insensitive lookup key: spreadsheets change case more often than spelling. */
const itemKey = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fr');

/**
 * mednum value or code → Passerelle code, per Passerelle list. Import is lenient about the column
 * (a mednum value or a code in any column that feeds the list is understood): values are distinct,
 * so this stays unambiguous.
 */
const ITEM_TO_CODE: Record<CodeList, Map<string, string>> = {
  services: itemsToCodes('services'),
  publics: itemsToCodes('publics')
};

function itemsToCodes(list: CodeList): Map<string, string> {
  return new Map(
    CODES[list].flatMap((code) => {
      const mapped = CODE_TO_MEDNUM[`${list}:${code}`];
      const byCode = [itemKey(code), code] as const;
      return mapped ? [[itemKey(mapped.value), code] as const, byCode] : [byCode];
    })
  );
}

// ---------------------------------------------------------------------------------------------
// Fields

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime';

export interface PlaceField {
  name: string;
  type: FieldType;
  /** Frictionless string formats. */
  format?: 'email' | 'uri';
  description: { en: string; fr: string };
  /** Required in a published file. On import, `id` (new place) and `date_maj` (dated on import) may be empty. */
  required: boolean;
  /** 'mednum': the mednum v1.0.1 field of that name; 'adapted': mednum's, changed for Belgium; 'be': added. */
  origin: 'mednum' | 'adapted' | 'be';
  constraints?: { pattern?: string; enum?: readonly string[]; minimum?: number; maximum?: number; maxLength?: number; unique?: boolean };
  /** For a `|`-separated list: the items it may hold. */
  listOf?: readonly string[];
}

const NIS_CODES = COMMUNES.map((c) => c.nis);

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** mednum's pattern for a `|` list of known items, e.g. `(?:(?:^|\|)(Jeunes|Seniors))+$`. */
function listPattern(items: readonly string[]): string {
  return `(?:(?:^|\\|)(${items.map(escapeRegex).join('|')}))+$`;
}

function listField<N extends string>(name: N, items: readonly string[], origin: PlaceField['origin'], en: string, fr: string): PlaceField & { name: N } {
  return { name, type: 'string', description: { en, fr }, required: false, origin, listOf: items, constraints: { pattern: listPattern(items) } };
}

export const PLACE_FIELDS = [
  { name: 'id', type: 'string', required: true, origin: 'mednum', constraints: { unique: true }, description: { en: 'Unique identifier of the place in Passerelle.', fr: 'Identifiant unique du lieu dans Passerelle.' } },
  { name: 'nom', type: 'string', required: true, origin: 'mednum', constraints: { maxLength: 150 }, description: { en: 'Name of the place.', fr: 'Nom du lieu.' } },
  { name: 'structure_parente', type: 'string', required: false, origin: 'mednum', description: { en: 'Name of the organisation that runs the place.', fr: "Nom de l'organisation qui gère le lieu." } },
  { name: 'adresse', type: 'string', required: true, origin: 'mednum', constraints: { maxLength: 200 }, description: { en: 'Street and number.', fr: 'Rue et numéro.' } },
  { name: 'code_postal', type: 'string', required: true, origin: 'adapted', constraints: { pattern: '^1\\d{3}$' }, description: { en: 'Belgian postcode (4 digits).', fr: 'Code postal belge (4 chiffres).' } },
  { name: 'commune', type: 'string', required: false, origin: 'mednum', description: { en: 'Commune, French name (derived from code_nis; ignored on import).', fr: 'Commune, nom français (déduit de code_nis ; ignoré à l’import).' } },
  { name: 'commune_nl', type: 'string', required: false, origin: 'be', description: { en: 'Commune, Dutch name (derived from code_nis; ignored on import).', fr: 'Commune, nom néerlandais (déduit de code_nis ; ignoré à l’import).' } },
  { name: 'code_nis', type: 'string', required: true, origin: 'adapted', constraints: { pattern: '^21\\d{3}$', enum: NIS_CODES }, description: { en: 'NIS (REFNIS) code of the Brussels commune; replaces mednum’s code_insee.', fr: 'Code INS (REFNIS) de la commune bruxelloise ; remplace code_insee de mednum.' } },
  { name: 'latitude', type: 'number', required: false, origin: 'mednum', constraints: { minimum: DIRECTORY_BOUNDS.south, maximum: DIRECTORY_BOUNDS.north }, description: { en: 'Latitude, WGS 84.', fr: 'Latitude, WGS 84.' } },
  { name: 'longitude', type: 'number', required: false, origin: 'mednum', constraints: { minimum: DIRECTORY_BOUNDS.west, maximum: DIRECTORY_BOUNDS.east }, description: { en: 'Longitude, WGS 84.', fr: 'Longitude, WGS 84.' } },
  { name: 'telephone', type: 'string', required: false, origin: 'adapted', constraints: { pattern: '^[+0-9 ./()-]*$', maxLength: 40 }, description: { en: 'Phone number, as entered by the EPN.', fr: 'Numéro de téléphone, tel que saisi par l’EPN.' } },
  { name: 'courriels', type: 'string', format: 'email', required: false, origin: 'adapted', constraints: { maxLength: 200 }, description: { en: 'Contact e-mail address (one).', fr: 'Adresse e-mail de contact (une seule).' } },
  { name: 'site_web', type: 'string', format: 'uri', required: false, origin: 'adapted', constraints: { maxLength: 300 }, description: { en: 'Website (http or https, one).', fr: 'Site web (http ou https, un seul).' } },
  { name: 'horaires', type: 'string', required: false, origin: 'mednum', constraints: { maxLength: 500 }, description: { en: 'Opening hours, OpenStreetMap opening_hours syntax; PH = Belgian public holidays.', fr: 'Horaires, syntaxe opening_hours d’OpenStreetMap ; PH = jours fériés belges.' } },
  listField('services', columnItems('services'), 'mednum', 'Services, `|`-separated: mednum values, or Passerelle codes where mednum has none.', 'Services, séparés par `|` : valeurs mednum, ou codes Passerelle quand mednum n’en a pas.'),
  listField('modalites_accompagnement', columnItems('modalites_accompagnement'), 'mednum', 'Kinds of accompaniment (mednum values), `|`-separated.', 'Modalités d’accompagnement (valeurs mednum), séparées par `|`.'),
  listField('publics_specifiquement_adresses', columnItems('publics_specifiquement_adresses'), 'mednum', 'Publics addressed, `|`-separated: mednum values, or Passerelle codes where mednum has none.', 'Publics adressés, séparés par `|` : valeurs mednum, ou codes Passerelle quand mednum n’en a pas.'),
  listField('prise_en_charge_specifique', columnItems('prise_en_charge_specifique'), 'mednum', 'Specific support (mednum values), `|`-separated.', 'Prise en charge spécifique (valeurs mednum), séparée par `|`.'),
  { name: 'itinerance', type: 'string', required: false, origin: 'mednum', constraints: { enum: ['Itinérant', 'Fixe'] }, description: { en: 'Itinérant (mobile EPN) or Fixe.', fr: 'Itinérant (EPN mobile) ou Fixe.' } },
  { name: 'date_maj', type: 'date', required: true, origin: 'mednum', description: { en: 'Day of the last update (YYYY-MM-DD, Brussels time).', fr: 'Jour de la dernière mise à jour (AAAA-MM-JJ, heure de Bruxelles).' } },
  listField('langues', LANGUAGES, 'be', 'Languages spoken at the desk, ISO 639-1 codes, `|`-separated.', 'Langues parlées à l’accueil, codes ISO 639-1, séparés par `|`.'),
  listField('accessibilite', ACCESSIBILITY, 'be', 'Accessibility features (Passerelle codes), `|`-separated.', 'Accessibilité (codes Passerelle), séparés par `|`.'),
  { name: 'nombre_appareils', type: 'integer', required: false, origin: 'be', constraints: { minimum: 0, maximum: 1000 }, description: { en: 'Number of devices available to the public.', fr: 'Nombre d’appareils à disposition du public.' } },
  { name: 'label_epn_bruxelles', type: 'boolean', required: false, origin: 'be', description: { en: 'Holds the Brussels EPN label.', fr: 'Dispose du label EPN bruxellois.' } },
  { name: 'label_epn_depuis', type: 'date', required: false, origin: 'be', description: { en: 'Day the label was granted (YYYY-MM-DD).', fr: 'Date d’obtention du label (AAAA-MM-JJ).' } }
] as const satisfies readonly PlaceField[];

export type FieldName = (typeof PLACE_FIELDS)[number]['name'];
export const FIELD_NAMES: readonly FieldName[] = PLACE_FIELDS.map((f) => f.name);

/** One row of the open-data file. JSON keeps the types; CSV writes every value as text. */
export type RecordValue = string | number | boolean | null;
export type PlaceRecord = Record<FieldName, RecordValue>;

// ---------------------------------------------------------------------------------------------
// Place → record

/** YYYY-MM-DD of a UTC-midnight day (Prisma @db.Date). */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Codes in their list's order, without duplicates, so that exports and imports are stable. */
function canonical(codes: readonly string[], order: readonly string[]): string[] {
  const set = new Set(codes);
  return order.filter((c) => set.has(c));
}

function listColumns(place: DirectoryPlace): Record<ListColumn, string> {
  const items: Record<ListColumn, string[]> = { services: [], modalites_accompagnement: [], publics_specifiquement_adresses: [], prise_en_charge_specifique: [] };
  const add = (list: CodeList, codes: readonly string[]) => {
    for (const code of canonical(codes, CODES[list])) {
      const mapped = CODE_TO_MEDNUM[`${list}:${code}`];
      items[mapped?.column ?? HOME_COLUMN[list]].push(mapped?.value ?? code);
    }
  };
  add('services', place.services);
  add('publics', place.publics);
  const join = (xs: string[]) => xs.join(LIST_SEPARATOR);
  return {
    services: join(items.services),
    modalites_accompagnement: join(items.modalites_accompagnement),
    publics_specifiquement_adresses: join(items.publics_specifiquement_adresses),
    prise_en_charge_specifique: join(items.prise_en_charge_specifique)
  };
}

/** A place as one row of the open-data file (typed values; see placesToCsv for text). */
export function placeToRecord(place: DirectoryPlace, orgName: string): PlaceRecord {
  const commune = communeByNis(place.communeNis);
  return {
    id: place.id,
    nom: place.name,
    structure_parente: orgName,
    adresse: place.street,
    code_postal: place.postcode,
    commune: commune?.nameFr ?? '',
    commune_nl: commune?.nameNl ?? '',
    code_nis: place.communeNis,
    latitude: place.latitude,
    longitude: place.longitude,
    telephone: place.phone,
    courriels: place.email,
    site_web: place.website,
    horaires: place.openingHours,
    ...listColumns(place),
    itinerance: place.mobile ? 'Itinérant' : 'Fixe',
    date_maj: brusselsDay(place.updatedAt),
    langues: canonical(place.languages, LANGUAGES).join(LIST_SEPARATOR),
    accessibilite: canonical(place.accessibility, ACCESSIBILITY).join(LIST_SEPARATOR),
    nombre_appareils: place.devices,
    label_epn_bruxelles: place.labelled,
    label_epn_depuis: place.labelled && place.labelSince ? isoDay(place.labelSince) : null
  };
}

// ---------------------------------------------------------------------------------------------
// Record → place: reading cells

export interface FieldError {
  field: string;
  messageKey: string;
}

/** Reads cells of one record, collecting errors instead of throwing, so a row reports all its problems. */
class CellReader {
  readonly errors: FieldError[] = [];
  constructor(private readonly record: Readonly<Record<string, unknown>>) {}

  fail(field: string, messageKey: string): null {
    this.errors.push({ field, messageKey });
    return null;
  }

  /** The cell as trimmed text; '' when absent. Numbers are accepted (JSON postcodes, NIS codes). */
  text(field: FieldName, maxLength = Infinity): string {
    const v = this.record[field];
    if (v === undefined || v === null) return '';
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string') return this.fail(field, 'epn_survey_error_type') ?? '';
    const s = v.trim();
    if (s.length > maxLength) return this.fail(field, 'epn_survey_error_text_too_long') ?? '';
    return s;
  }

  required(field: FieldName, messageKey: string, maxLength?: number): string {
    const s = this.text(field, maxLength);
    if (s === '' && !this.errors.some((e) => e.field === field)) this.fail(field, messageKey);
    return s;
  }

  number(field: FieldName): number | null {
    const v = this.record[field];
    if (typeof v === 'number') return Number.isFinite(v) ? v : this.fail(field, 'epn_survey_error_number');
    const s = this.text(field);
    if (s === '') return null;
    // Belgian spreadsheets write decimal commas.
    if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(s)) return this.fail(field, 'epn_survey_error_number');
    return Number(s.replace(',', '.'));
  }

  integer(field: FieldName, messageKey: string): number | null {
    const v = this.record[field];
    if (typeof v === 'number') return Number.isInteger(v) ? v : this.fail(field, messageKey);
    const s = this.text(field);
    if (s === '') return null;
    return /^\d+$/.test(s) ? Number(s) : this.fail(field, messageKey);
  }

  boolean(field: FieldName): boolean | null {
    const v = this.record[field];
    if (typeof v === 'boolean') return v;
    const s = this.text(field).toLowerCase();
    if (s === '') return null;
    if (['true', '1', 'oui', 'ja', 'yes'].includes(s)) return true;
    if (['false', '0', 'non', 'nee', 'no'].includes(s)) return false;
    return this.fail(field, 'epn_survey_error_boolean');
  }

  /** YYYY-MM-DD, or D/M/YYYY as Belgian spreadsheets re-save dates; a UTC-midnight Date. */
  date(field: FieldName): Date | null {
    const s = this.text(field);
    if (s === '') return null;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const be = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : be ? [be[3], be[2], be[1]] : [];
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    const valid = y !== undefined && date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
    return valid ? date : this.fail(field, 'epn_survey_error_date');
  }

  /** The items of a list cell (`|`, or mednum v0's `;`). */
  items(field: FieldName): string[] {
    const v = this.record[field];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x !== '');
    return this.text(field)
      .split(/[|;]/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
  }

  /** Codes from a list of codes (langues, accessibilite), in canonical order. */
  codes(field: FieldName, allowed: readonly string[]): string[] {
    const byKey = new Map(allowed.map((c) => [itemKey(c), c]));
    const found: string[] = [];
    for (const item of this.items(field)) {
      const code = byKey.get(itemKey(item));
      if (code) found.push(code);
      else this.fail(field, 'epn_survey_error_unknown_code');
    }
    return canonical(found, allowed);
  }

  /** Codes of a Passerelle list from the mednum columns that feed it. */
  mappedCodes(list: CodeList): string[] {
    const found: string[] = [];
    for (const column of Object.keys(COLUMN_LIST) as ListColumn[]) {
      if (COLUMN_LIST[column] !== list) continue;
      for (const item of this.items(column)) {
        const code = ITEM_TO_CODE[list].get(itemKey(item));
        if (code) found.push(code);
        else this.fail(column, 'epn_survey_error_unknown_code');
      }
    }
    return canonical(found, CODES[list]);
  }
}

// Same rules as the place form (ZPlaceInput in places.ts), so an import accepts what the form accepts.
const ZEmail = z.email().max(200);
const ZWebsite = z.url({ protocol: /^https?$/ }).max(300);
const PHONE = /^[+0-9 ./()-]*$/;
const POSTCODE = /^1\d{3}$/;

function readContact(r: CellReader) {
  const phone = r.text('telephone', 40);
  if (!PHONE.test(phone)) r.fail('telephone', 'epn_survey_error_phone');
  const email = r.text('courriels');
  if (email !== '' && !ZEmail.safeParse(email).success) r.fail('courriels', 'epn_survey_error_email');
  const website = r.text('site_web');
  if (website !== '' && !ZWebsite.safeParse(website).success) r.fail('site_web', 'epn_survey_error_website');
  return { phone, email, website };
}

function readAddress(r: CellReader) {
  const street = r.required('adresse', 'epn_survey_error_street_required', 200);
  if (street.length === 1) r.fail('adresse', 'epn_survey_error_street_required');
  const postcode = r.required('code_postal', 'epn_survey_error_postcode');
  if (postcode !== '' && !POSTCODE.test(postcode)) r.fail('code_postal', 'epn_survey_error_postcode');
  const communeNis = r.required('code_nis', 'epn_survey_error_commune');
  if (communeNis !== '' && !communeByNis(communeNis)) r.fail('code_nis', 'epn_survey_error_commune');
  return { street, postcode, communeNis };
}

function inside(value: number | null, min: number, max: number): boolean {
  return value === null || (value >= min && value <= max);
}

function readPoint(r: CellReader): { latitude: number | null; longitude: number | null } {
  const latitude = r.number('latitude');
  const longitude = r.number('longitude');
  if (!inside(latitude, DIRECTORY_BOUNDS.south, DIRECTORY_BOUNDS.north)) r.fail('latitude', 'epn_survey_error_outside_brussels');
  if (!inside(longitude, DIRECTORY_BOUNDS.west, DIRECTORY_BOUNDS.east)) r.fail('longitude', 'epn_survey_error_outside_brussels');
  const pointFieldsOk = !r.errors.some((e) => e.field === 'latitude' || e.field === 'longitude');
  // A point needs both; one alone is a half-filled row (when neither cell was unreadable).
  if (pointFieldsOk && (latitude === null) !== (longitude === null)) r.fail(latitude === null ? 'latitude' : 'longitude', 'epn_survey_error_point');
  return { latitude, longitude };
}

function readOpeningHours(r: CellReader): string {
  const check = checkOpeningHours(r.text('horaires'));
  return check.ok ? check.normalized : (r.fail('horaires', check.messageKey) ?? '');
}

function readItinerance(r: CellReader): boolean {
  const items = r.items('itinerance').map(itemKey);
  if (items.some((i) => i !== itemKey('Itinérant') && i !== itemKey('Fixe'))) r.fail('itinerance', 'epn_survey_error_unknown_code');
  return items.includes(itemKey('Itinérant'));
}

function readLabel(r: CellReader): { labelled: boolean; labelSince: Date | null } {
  const labelled = r.boolean('label_epn_bruxelles') ?? false;
  const since = r.date('label_epn_depuis');
  // As in the place form: a date without the label means nothing.
  return { labelled, labelSince: labelled ? since : null };
}

export type RecordResult = { ok: true; place: ImportedPlace; organisation: string } | { ok: false; errors: FieldError[] };

/**
 * One row of an open-data file → a place, checked with the same rules as the place form. `record`
 * maps column names to cells: text (CSV) or typed JSON values. Unknown columns are ignored.
 */
export function recordToPlace(record: Readonly<Record<string, unknown>>): RecordResult {
  const r = new CellReader(record);
  const id = r.text('id');
  const name = r.required('nom', 'epn_survey_error_name_required', 150);
  if (name.length === 1) r.fail('nom', 'epn_survey_error_name_required');
  const place: ImportedPlace = {
    id: id === '' ? null : id,
    name,
    ...readAddress(r),
    ...readPoint(r),
    ...readContact(r),
    openingHours: readOpeningHours(r),
    services: r.mappedCodes('services'),
    publics: r.mappedCodes('publics'),
    accessibility: r.codes('accessibilite', ACCESSIBILITY),
    languages: r.codes('langues', LANGUAGES),
    devices: r.integer('nombre_appareils', 'epn_survey_error_devices') ?? 0,
    ...readLabel(r),
    mobile: readItinerance(r),
    updatedAt: r.date('date_maj')
  };
  if (place.devices > 1000) r.fail('nombre_appareils', 'epn_survey_error_devices');
  const organisation = r.text('structure_parente');
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, place, organisation };
}

// ---------------------------------------------------------------------------------------------
// Files

export interface ImportError {
  /** CSV: the physical line where the row starts (header = 1). JSON: the record's number (1 = first). 0: the whole file. */
  line: number;
  field: string;
  messageKey: string;
}

export interface ImportResult {
  /** The rows that passed, with their line. */
  records: { line: number; place: ImportedPlace; organisation: string }[];
  errors: ImportError[];
}

const tooBig = (): ImportResult => ({ records: [], errors: [{ line: 0, field: '', messageKey: 'epn_survey_error_import_too_big' }] });

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** Checks rows one by one and flags ids used twice (the primary key). */
function collect(rows: { line: number; record: Readonly<Record<string, unknown>> }[], errors: ImportError[]): ImportResult {
  const records: ImportResult['records'] = [];
  const seen = new Set<string>();
  for (const { line, record } of rows) {
    const result = recordToPlace(record);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ line, ...e })));
      continue;
    }
    const id = result.place.id;
    if (id !== null && seen.has(id)) {
      errors.push({ line, field: 'id', messageKey: 'epn_survey_error_duplicate_place_id' });
      continue;
    }
    if (id !== null) seen.add(id);
    records.push({ line, place: result.place, organisation: result.organisation });
  }
  return { records, errors };
}

// --- CSV

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab/CR, which some strip first) as a formula:
 * such cells get a leading apostrophe. A cell that already starts with apostrophes followed by one of
 * those gets one more, so that un-escaping (removing one apostrophe) gives back every value exactly.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

function cellText(value: RecordValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeFormula(String(value));
}

export interface CsvOptions {
  /** ',' (default: RFC 4180, Frictionless, mednum) or ';' (what Excel expects with Belgian settings). */
  delimiter?: ',' | ';';
}

/** The directory as CSV: UTF-8 with a BOM (so Excel reads the accents), CRLF, header = PLACE_FIELDS. */
export function placesToCsv(places: readonly ExportPlace[], options: CsvOptions = {}): string {
  const rows = places.map((p) => {
    const record = placeToRecord(p, p.organisation.name);
    return FIELD_NAMES.map((name) => cellText(record[name]));
  });
  return stringifyCsv(rows, {
    bom: true,
    header: true,
    columns: [...FIELD_NAMES],
    delimiter: options.delimiter ?? ',',
    record_delimiter: 'windows',
    // csv-stringify quotes only cells holding the delimiter, a quote or the record delimiter itself:
    // a lone CR or LF, or a ';' (the other delimiter we read), must be quoted too.
    quoted_match: /[\r\n;,]/
  });
}

/** Byte offsets where each line starts (after LF, CR or CRLF), to turn offsets into line numbers. */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** The line of the first non-newline byte at or after `offset` (a row starts after blank lines). */
function lineAt(starts: number[], bytes: Uint8Array, offset: number): number {
  let at = offset;
  while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** ',' or ';' from the header line (column names contain neither); null if it has neither. */
function detectDelimiter(text: string): ',' | ';' | null {
  const header = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const commas = header.split(',').length - 1;
  const semicolons = header.split(';').length - 1;
  if (commas === 0 && semicolons === 0) return null;
  return semicolons > commas ? ';' : ',';
}

interface CsvRow {
  record: string[];
  info: { bytes: number };
}

function isCsvError(e: unknown): e is { code: string; bytes?: number } {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string';
}

/** Parses at most IMPORT_MAX_ROWS rows (+ header + 1 to notice more); a parse error says where. */
function parseRows(bytes: Uint8Array, delimiter: string, starts: number[]): { rows: CsvRow[] } | { error: ImportError } {
  try {
    const rows = parseCsv(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to: IMPORT_MAX_ROWS + 2
    }) as unknown as CsvRow[];
    return { rows };
  } catch (e) {
    if (!isCsvError(e)) throw e;
    // The error's byte offset is where the failing row starts (csv-parse's own line count is off
    // after quoted CRLFs).
    return { error: { line: lineAt(starts, bytes, e.bytes ?? 0), field: '', messageKey: 'epn_survey_error_csv_malformed' } };
  }
}

/** Columns an import cannot do without (id and date_maj may be missing: new places, dated on import). */
const IMPORT_REQUIRED = PLACE_FIELDS.filter((f) => f.required && f.name !== 'id' && f.name !== 'date_maj').map((f) => f.name);

function checkHeader(header: string[]): ImportError[] {
  if (header.length < 2) return [{ line: 1, field: '', messageKey: 'epn_survey_error_csv_delimiter' }];
  return IMPORT_REQUIRED.filter((name) => !header.includes(name)).map((field) => ({ line: 1, field, messageKey: 'epn_survey_error_csv_missing_column' }));
}

/**
 * Reads a CSV file of places (',' or ';' delimited, BOM or not, quoted newlines allowed). Cells are
 * un-escaped (see escapeFormula) before they are read. Limits: 5 MB and 5,000 rows.
 */
export function placesFromCsv(text: string): ImportResult {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > IMPORT_MAX_BYTES) return tooBig();
  const delimiter = detectDelimiter(text);
  if (!delimiter) return { records: [], errors: [{ line: 1, field: '', messageKey: 'epn_survey_error_csv_delimiter' }] };
  const starts = lineStarts(bytes);
  const parsed = parseRows(bytes, delimiter, starts);
  if ('error' in parsed) return { records: [], errors: [parsed.error] };
  const [head, ...body] = parsed.rows;
  if (!head) return { records: [], errors: [] };
  if (body.length > IMPORT_MAX_ROWS) return tooBig();
  const header = head.record.map((h) => h.trim());
  const headerErrors = checkHeader(header);
  if (headerErrors.length > 0) return { records: [], errors: headerErrors };
  const errors: ImportError[] = [];
  const rows: { line: number; record: Record<string, string> }[] = [];
  let previousEnd = head.info.bytes;
  for (const row of body) {
    const line = lineAt(starts, bytes, previousEnd);
    previousEnd = row.info.bytes;
    // Spreadsheets leave rows of empty cells (",,,,") below the data.
    if (row.record.every((cell) => cell.trim() === '')) continue;
    if (row.record.length !== header.length) {
      errors.push({ line, field: '', messageKey: 'epn_survey_error_csv_malformed' });
      continue;
    }
    rows.push({ line, record: Object.fromEntries(header.map((name, i) => [name, unescapeFormula(row.record[i] ?? '')])) });
  }
  const result = collect(rows, errors);
  return { records: result.records, errors: result.errors.sort((a, b) => a.line - b.line) };
}

// --- JSON

/** The directory as JSON: an array of records with typed values (numbers, booleans, null). */
export function placesToJson(places: readonly ExportPlace[]): string {
  return JSON.stringify(
    places.map((p) => placeToRecord(p, p.organisation.name)),
    null,
    2
  );
}

/** Line of a JSON.parse error: V8 gives a position for some errors only; otherwise 0 (unknown). */
function jsonErrorLine(text: string, e: unknown): number {
  const message = e instanceof Error ? e.message : '';
  const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return lineOf(Number(position));
  return /end of JSON input/.test(message) ? lineOf(text.length) : 0;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a JSON array of place records (as placesToJson writes them). Limits: 5 MB and 5,000 records. */
export function placesFromJson(text: string): ImportResult {
  if (byteLength(text) > IMPORT_MAX_BYTES) return tooBig();
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { records: [], errors: [{ line: jsonErrorLine(text, e), field: '', messageKey: 'epn_survey_error_json_malformed' }] };
  }
  if (!Array.isArray(data)) return { records: [], errors: [{ line: 0, field: '', messageKey: 'epn_survey_error_json_malformed' }] };
  if (data.length > IMPORT_MAX_ROWS) return tooBig();
  const errors: ImportError[] = [];
  const rows: { line: number; record: Record<string, unknown> }[] = [];
  data.forEach((item: unknown, i) => {
    if (isObject(item)) rows.push({ line: i + 1, record: item });
    else errors.push({ line: i + 1, field: '', messageKey: 'epn_survey_error_json_malformed' });
  });
  const result = collect(rows, errors);
  return { records: result.records, errors: result.errors.sort((a, b) => a.line - b.line) };
}

// ---------------------------------------------------------------------------------------------
// Frictionless data package

/** A Frictionless table-schema field descriptor. */
function schemaField(f: PlaceField) {
  return {
    name: f.name,
    type: f.type,
    ...(f.format ? { format: f.format } : f.type === 'date' ? { format: 'default' } : {}),
    description: f.description.en,
    // Not a Frictionless property (extra properties are allowed): the French description.
    description_fr: f.description.fr,
    constraints: { required: f.required, ...(f.constraints ?? {}) }
  };
}

/** The Frictionless Table Schema of the directory files (CSV and JSON share it). */
export function placesTableSchema() {
  return {
    fields: PLACE_FIELDS.map((f) => schemaField(f)),
    primaryKey: 'id',
    missingValues: ['']
  };
}

/**
 * The directory's `datapackage.json` (Frictionless Tabular Data Package), with both files.
 *
 * Licence: CC-BY-4.0 rather than ODbL-1.0. The data is entered by the EPNs to be found: anyone should
 * be able to reuse it (communes, social services, the mednum national map) with attribution only.
 * CC-BY is what Brussels and federal open-data portals mostly use, and it matches mednum's own licence
 * (Licence Ouverte 2.0, attribution only), so Belgian and French datasets can be merged; ODbL's
 * share-alike would oblige every merged database to be ODbL. (Consequence: do not copy values from
 * OpenStreetMap, which is ODbL, into the directory — only its opening_hours *syntax* is used.)
 */
export function placesDataPackage(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  const schema = placesTableSchema();
  return {
    profile: 'tabular-data-package',
    name: 'passerelle-epn-directory',
    title: 'Espaces publics numériques (EPN) de la Région de Bruxelles-Capitale',
    description: `Directory of the public digital-access centres (EPN) of the Brussels-Capital Region, as entered by the EPNs in Passerelle. Belgian profile ${PROFILE_VERSION} of the mednum standard v${MEDNUM_VERSION} (code_nis instead of code_insee, Passerelle fields added).`,
    homepage: base,
    version: PROFILE_VERSION,
    keywords: ['EPN', 'espace public numérique', 'openbare computerruimte', 'médiation numérique', 'inclusion numérique', 'Bruxelles', 'Brussel'],
    licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    sources: [
      { title: 'Passerelle EPN directory (entered by the EPNs)', path: base },
      { title: `Standard des lieux de médiation numérique (LaMednum) v${MEDNUM_VERSION}`, path: MEDNUM_URL },
      { title: 'Statbel — REFNIS codes of the communes', path: 'https://statbel.fgov.be/fr/propos-de-statbel/methodologie/classifications/geographie' }
    ],
    resources: [
      {
        name: 'epn-csv',
        path: `${base}/epn.csv`,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        // UTF-8 with a BOM (for Excel); Frictionless readers skip the BOM.
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema
      },
      {
        name: 'epn-json',
        path: `${base}/epn.json`,
        profile: 'tabular-data-resource',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema
      }
    ]
  };
}
