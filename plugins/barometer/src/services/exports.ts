import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { t } from '@passerelle/i18n';
import { COMMUNES as COMMUNE_NAMES } from '@passerelle/ui/geo/communes.ts';
import type { Db } from '@passerelle/db';
import { citation, releaseDay, type Locale } from './citation.ts';
import { isHidden } from './disclosure.ts';
import type { Indicator } from './indicators.ts';
import { publishedTable, versionEstimates, versionIndicators, type PublicEstimate, type PublishedVersion } from './published.ts';
import { BREAKDOWNS, variableById, type CategoricalVariable } from './variables.ts';

// Researcher exports of released tables (CSV, XLSX, JSON) and of a version's files. Everything comes
// from services/published.ts: released versions only, and a hidden cell (suppressed by disclosure
// control, or empty) carries no figure at all: no estimate, no CI, no n, no total. Microdata is never
// read here. The columns are described once (the fields below) and that description is written into
// every format: the data package's table schema, the XLSX "fields" sheet and the JSON "fields".

export type FieldType = 'integer' | 'number' | 'string' | 'boolean';
export interface Field {
  name: string;
  type: FieldType;
  constraints?: { required?: boolean; minimum?: number; maximum?: number; enum?: string[]; pattern?: string; unique?: boolean };
}

export const STATUSES = ['shown', 'low_reliability', 'suppressed', 'suppressed_secondary', 'empty'] as const;

/** One line per estimate (an indicator in one domain) of a released version. */
export const ESTIMATE_FIELDS: readonly Field[] = [
  { name: 'edition', type: 'integer', constraints: { required: true, minimum: 1990, maximum: 2100 } },
  { name: 'version', type: 'integer', constraints: { required: true, minimum: 1 } },
  { name: 'synthetic', type: 'boolean', constraints: { required: true } },
  { name: 'indicator', type: 'string', constraints: { required: true, pattern: '[a-z][a-z0-9_]*' } },
  { name: 'breakdown', type: 'string', constraints: { required: true } },
  { name: 'level', type: 'string', constraints: { required: true } },
  { name: 'status', type: 'string', constraints: { required: true, enum: [...STATUSES] } },
  { name: 'low_reliability', type: 'boolean', constraints: { required: true } },
  { name: 'n', type: 'integer', constraints: { minimum: 0 } },
  { name: 'proportion', type: 'number', constraints: { minimum: 0, maximum: 1 } },
  { name: 'se', type: 'number', constraints: { minimum: 0 } },
  { name: 'ci_low', type: 'number', constraints: { minimum: 0, maximum: 1 } },
  { name: 'ci_high', type: 'number', constraints: { minimum: 0, maximum: 1 } },
  { name: 'persons', type: 'number', constraints: { minimum: 0 } },
  { name: 'se_persons', type: 'number', constraints: { minimum: 0 } }
];

/** A published table (one indicator, one breakdown): the estimate fields, with the level's name in the reader's language. */
export const TABLE_FIELDS: readonly Field[] = [...ESTIMATE_FIELDS.slice(0, 6), { name: 'level_label', type: 'string' }, ...ESTIMATE_FIELDS.slice(6)];

/** The codebook of the indicators a version was computed with. */
export const INDICATOR_FIELDS: readonly Field[] = [
  { name: 'indicator', type: 'string', constraints: { required: true, unique: true } },
  ...(['name', 'definition', 'population'] as const).flatMap((k) => (['fr', 'nl', 'en'] as const).map((l) => ({ name: `${k}_${l}`, type: 'string' as const, constraints: { required: true } }))),
  { name: 'unit', type: 'string', constraints: { required: true, enum: ['percent'] } },
  ...(['fr', 'nl', 'en'] as const).map((l) => ({ name: `source_notes_${l}`, type: 'string' as const })),
  { name: 'universe_rule', type: 'string', constraints: { required: true } },
  { name: 'rule', type: 'string', constraints: { required: true } }
];

/** The codebook of the breakdowns' levels. */
export const LEVEL_FIELDS: readonly Field[] = [
  { name: 'breakdown', type: 'string', constraints: { required: true } },
  { name: 'level', type: 'string', constraints: { required: true } },
  { name: 'label_fr', type: 'string', constraints: { required: true } },
  { name: 'label_nl', type: 'string', constraints: { required: true } },
  { name: 'label_en', type: 'string', constraints: { required: true } }
];

/** A field's meaning in a language (messages barometer_data_field_<name>; codebook columns share one per kind). */
export function fieldDescription(field: Field, locale: Locale): string {
  const m = /^(name|definition|population|source_notes|label)_(fr|nl|en)$/.exec(field.name);
  if (m) return t(`barometer_data_field_${m[1]}`, { language: m[2]!.toUpperCase() }, { locale });
  return t(`barometer_data_field_${field.name}`, undefined, { locale });
}

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/** The name of a breakdown level in a language: communes by name, other codes by their label. */
export function levelLabel(breakdown: string, level: string, locale: Locale): string {
  if (breakdown === 'overall') return t('barometer_data_level_all', undefined, { locale });
  const dims = breakdown.split('×');
  const codes = level.split('×');
  return dims.map((d, i) => oneLevel(d, codes[i] ?? '', locale)).join(' × ');
}

function oneLevel(dimension: string, code: string, locale: Locale): string {
  if (dimension === 'commune') {
    const c = COMMUNE_NAMES.find((x) => x.nis === code);
    return c ? c[`name_${locale}`] : code;
  }
  if (dimension === 'age_band') return code.replace('-', '–');
  const key = `barometer_data_level_${dimension}_${code}`;
  const label = t(key, undefined, { locale });
  return label === key ? code : label;
}

/** Every level of every breakdown (one-way and the crossings present), with its names in FR/NL/EN. */
export function levelRows(breakdowns: readonly string[]): Row[] {
  const rows: Row[] = [];
  for (const b of breakdowns) {
    const levels = b === 'overall' ? ['all'] : b.split('×').map((d) => (variableById.get(d) as CategoricalVariable).codes).reduce<string[]>((acc, codes) => (acc.length === 0 ? [...codes] : acc.flatMap((a) => codes.map((c) => `${a}×${c}`))), []);
    for (const level of levels) rows.push({ breakdown: b, level, label_fr: levelLabel(b, level, 'fr'), label_nl: levelLabel(b, level, 'nl'), label_en: levelLabel(b, level, 'en') });
  }
  return rows;
}

/** The breakdowns in a fixed order: overall, the one-way breakdowns of the codebook, then crossings. */
export function sortBreakdowns(breakdowns: Iterable<string>): string[] {
  const rank = (b: string) => (b === 'overall' ? -1 : BREAKDOWNS.includes(b) ? BREAKDOWNS.indexOf(b) : 100);
  return [...new Set(breakdowns)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** One estimate as an export line. A hidden cell keeps only its coordinates and status. */
export function estimateRow(version: Pick<PublishedVersion, 'year' | 'number' | 'synthetic'>, e: PublicEstimate): Row {
  const hidden = isHidden(e.status);
  return {
    edition: version.year,
    version: version.number,
    synthetic: version.synthetic,
    indicator: e.indicatorId,
    breakdown: e.breakdown,
    level: e.level,
    status: e.status,
    low_reliability: e.status === 'low_reliability',
    n: hidden ? null : e.n,
    proportion: hidden ? null : e.proportion,
    se: hidden ? null : e.se,
    ci_low: hidden ? null : e.ciLow,
    ci_high: hidden ? null : e.ciHigh,
    persons: hidden ? null : e.total,
    se_persons: hidden ? null : e.seTotal
  };
}

export function indicatorRow(i: Indicator): Row {
  return {
    indicator: i.id,
    name_fr: i.name.fr, name_nl: i.name.nl, name_en: i.name.en,
    definition_fr: i.definition.fr, definition_nl: i.definition.nl, definition_en: i.definition.en,
    population_fr: i.population.fr, population_nl: i.population.nl, population_en: i.population.en,
    unit: i.unit,
    source_notes_fr: i.sourceNotes.fr, source_notes_nl: i.sourceNotes.nl, source_notes_en: i.sourceNotes.en,
    universe_rule: JSON.stringify(i.universe ?? null),
    rule: JSON.stringify(i.rule ?? null)
  };
}

/** A text that a spreadsheet would read as a formula gets an apostrophe (none of our codes start so). */
const safeText = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * CSV (RFC 4180, UTF-8 without BOM, comma, header line). Numbers at full precision, empty = no value,
 * booleans as TRUE/FALSE: what R's read.csv (logical), pandas (bool) and Frictionless read without options.
 */
export function toCsv(fields: readonly Field[], rows: readonly Row[]): string {
  const cell = (v: Value | undefined) => (v === null || v === undefined ? '' : typeof v === 'string' ? safeText(v) : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v ? 'TRUE' : 'FALSE');
  return stringify([fields.map((f) => f.name), ...rows.map((r) => fields.map((f) => cell(r[f.name])))], { record_delimiter: 'unix' });
}

export interface Sheet {
  name: string;
  fields: readonly Field[];
  rows: readonly Row[];
}

/** An XLSX workbook: an "about" sheet (title, citation, label), the data sheets, and the fields' meanings. */
export async function toXlsx({ about, sheets, locale }: { about: [string, string][]; sheets: readonly Sheet[]; locale: Locale }): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passerelle';
  const info = workbook.addWorksheet(t('barometer_data_sheet_about', undefined, { locale }).slice(0, 31));
  for (const [k, v] of about) info.addRow([k, safeText(v)]);
  info.getColumn(1).font = { bold: true };
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 120;
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31));
    sheet.addRow(s.fields.map((f) => f.name)).font = { bold: true };
    for (const r of s.rows) sheet.addRow(s.fields.map((f) => { const v = r[f.name]; return v === null || v === undefined ? null : typeof v === 'string' ? safeText(v) : v; }));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    s.fields.forEach((f, i) => (sheet.getColumn(i + 1).width = Math.max(10, Math.min(40, f.name.length + 4))));
  }
  const fieldsSheet = workbook.addWorksheet(t('barometer_data_sheet_fields', undefined, { locale }).slice(0, 31));
  fieldsSheet.addRow([t('barometer_data_col_sheet', undefined, { locale }), t('barometer_data_col_field', undefined, { locale }), t('barometer_data_col_type', undefined, { locale }), t('barometer_data_col_meaning', undefined, { locale })]).font = { bold: true };
  for (const s of sheets) for (const f of s.fields) fieldsSheet.addRow([s.name, f.name, f.type, fieldDescription(f, locale)]);
  fieldsSheet.getColumn(4).width = 100;
  return Uint8Array.from(new Uint8Array(await workbook.xlsx.writeBuffer())).buffer;
}

/** The fields with their meanings, for JSON answers. */
export const describeFields = (fields: readonly Field[], locale: Locale) => fields.map((f) => ({ name: f.name, type: f.type, description: fieldDescription(f, locale), ...(f.constraints ? { constraints: f.constraints } : {}) }));

export interface TableExport {
  version: PublishedVersion;
  indicator: { id: string; name: string; definition: string; population: string; unit: string };
  breakdown: string;
  citation: string;
  syntheticLabel: string | null;
  fields: ReturnType<typeof describeFields>;
  rows: Row[];
}

/** One released table (indicator × breakdown, optionally of a given version) ready for export, or null. */
export async function tableExport({ db, year, indicatorId, breakdown, number, locale, origin, now }: { db: Db; year: number; indicatorId: string; breakdown: string; number?: number; locale: Locale; origin: string; now?: Date }): Promise<TableExport | null> {
  const table = await publishedTable(db, { year, indicatorId, breakdown, ...(number === undefined ? {} : { number }) }, now);
  if (!table) return null;
  const { version, indicator } = table;
  return {
    version,
    indicator: { id: indicator.id, name: indicator.name[locale], definition: indicator.definition[locale], population: indicator.population[locale], unit: indicator.unit },
    breakdown,
    citation: citation({ version, origin, locale }),
    syntheticLabel: version.synthetic ? t('barometer_data_synthetic_label', undefined, { locale }) : null,
    fields: describeFields(TABLE_FIELDS, locale),
    rows: table.rows.map((e) => ({ ...estimateRow(version, e), level_label: levelLabel(breakdown, e.level, locale) }))
  };
}

/** The "about" lines of an export (title, version, release date, citation, licence, label). */
export function aboutLines(x: { version: PublishedVersion; citation: string; title: string; locale: Locale }): [string, string][] {
  const l = x.locale;
  const lines: [string, string][] = [
    [t('barometer_data_about_title', undefined, { locale: l }), x.title],
    [t('barometer_data_about_version', undefined, { locale: l }), String(x.version.number)],
    [t('barometer_data_about_released', undefined, { locale: l }), releaseDay(x.version)],
    [t('barometer_data_about_citation', undefined, { locale: l }), x.citation],
    [t('barometer_data_about_license', undefined, { locale: l }), 'CC BY 4.0 — https://creativecommons.org/licenses/by/4.0/'],
    [t('barometer_data_about_disclosure', undefined, { locale: l }), t('barometer_data_disclosure_note', undefined, { locale: l })]
  ];
  if (x.version.synthetic) lines.unshift([t('barometer_data_about_warning', undefined, { locale: l }), t('barometer_data_synthetic_label', undefined, { locale: l })]);
  return lines;
}

/** File name of a table export: barometer-2025-v2-non_users-commune[-synthetic].csv */
export const tableFileName = (x: { version: PublishedVersion; indicatorId: string; breakdown: string }, ext: string) =>
  `barometer-${x.version.year}-v${x.version.number}-${x.indicatorId}-${x.breakdown.replace('×', '-x-')}${x.version.synthetic ? '-synthetic' : ''}.${ext}`;

/** All estimates of a released version, as export lines, in a stable order. */
export async function versionEstimateRows(db: Db, version: PublishedVersion): Promise<Row[]> {
  return (await versionEstimates(db, version.versionId)).map((e) => estimateRow(version, e));
}

/** The indicator codebook of a released version. */
export async function versionIndicatorRows(db: Db, version: PublishedVersion): Promise<Row[]> {
  return (await versionIndicators(db, version.versionId)).map(indicatorRow);
}

/** The breakdowns a released version has tables for (distinct, ordered). */
export async function versionBreakdowns(db: Db, version: PublishedVersion): Promise<string[]> {
  const rows = await db.barometerEstimate.findMany({ where: { versionId: version.versionId }, select: { breakdown: true }, distinct: ['breakdown'] });
  return sortBreakdowns(rows.map((r) => r.breakdown));
}

