// XLSForm (https://xlsform.org) export and import of survey definitions, so that a survey can move to
// and from KoboToolbox / ODK or be written by hand in a spreadsheet. The export is a plain XLSForm plus
// custom columns (`passerelle_type` on the survey sheet, `passerelle_title::<language>` on the settings
// sheet) and the introduction as a first note, so that importing our own export gives back the same
// definition (see "Round trip" in xlsform.test.ts for the few equivalent spellings it normalises). The import
// takes what Passerelle can represent and lists everything else in `skipped`: nothing is dropped silently.
// Pure functions, no database.
import ExcelJS from 'exceljs';
import { COMMUNES } from '@passerelle/db/communes';
import { AppError } from '@passerelle/trpc';
import {
  AGE_BANDS,
  LANGS,
  OUTSIDE_BRUSSELS,
  QUESTION_TYPES,
  ZSurveyDefinition,
  type Choice,
  type ConditionOp,
  type Condition,
  type Label,
  type Lang,
  type Question,
  type QuestionType,
  type ShowIf,
  type SurveyDefinition
} from './definition.ts';

// ---------------------------------------------------------------------------------------------------
// Shared vocabulary

/** Language suffixes as ODK documents them ("label::English (en)"). */
const LANG_COLUMN: Record<Lang, string> = { fr: 'French (fr)', nl: 'Dutch (nl)', en: 'English (en)' };

const SCALE_LIST = 'passerelle_scale';
const COMMUNE_LIST = 'passerelle_commune';
const AGE_BAND_LIST = 'passerelle_age_band';
const FIXED_LISTS: Partial<Record<QuestionType, string>> = { scale: SCALE_LIST, commune: COMMUNE_LIST, age_band: AGE_BAND_LIST };

/** passerelle_type of the note row that carries the survey's introduction (not a question type). */
const INTRO = 'intro';
type PasserelleType = QuestionType | typeof INTRO;

// Limits mirrored from definition.ts, checked here so that one oversized part is reported, not fatal.
const MAX_QUESTIONS = 200;
const MAX_CHOICES = 100;
const MAX_CONDITIONS = 10;
const MAX_TEXT = 2000;
const MAX_VALUE = 200;

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_SURVEY_ROWS = 2000;
/** How much larger than the upload its unzipped parts may claim to be (xlsx compresses about 5–10×). */
const UNZIP_RATIO = 20;

const OP_SYMBOL: Record<Exclude<ConditionOp, 'includes' | 'answered'>, string> = { equals: '=', not_equals: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

// ---------------------------------------------------------------------------------------------------
// Cell text: formula-injection escaping and OOXML character escaping

/**
 * A spreadsheet may run a cell starting with = + - @ (or tab / CR, which some tools strip first) as a
 * formula, so such a text gets a leading apostrophe. A text that starts with an apostrophe followed by
 * one of those characters (or a second apostrophe) gets one too, so that `unescapeCell` — which removes
 * exactly one apostrophe in front of exactly those characters — is its inverse. A label like "'Twas" is
 * left alone both ways, so hand-written apostrophes survive an import.
 */
const ESCAPED = /^'[=+\-@\t\r']/;
export function escapeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) || ESCAPED.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

/**
 * Readers (Excel, and exceljs) turn `_xHHHH_` into the character U+HHHH, XML cannot carry most control
 * characters nor a lone surrogate, and XML parsing turns CR LF into LF. Spelling those the OOXML way —
 * `_xHHHH_`, with a literal "_x" escaped as `_x005F_` — keeps every text exact through a file.
 */
function encodeOoxml(text: string): string {
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** A number as an XPath literal: no exponent (XPath has none), and -0 kept so that it reads back as -0. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int = '', frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** An XPath 1.0 string literal. XPath has no escape inside quotes, so a text with both quotes uses concat(). */
function xpathString(s: string): string {
  if (!s.includes("'")) return `'${s}'`;
  if (!s.includes('"')) return `"${s}"`;
  const args: string[] = [];
  s.split("'").forEach((part, i) => {
    if (i > 0) args.push(`"'"`);
    if (part) args.push(`'${part}'`);
  });
  return `concat(${args.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------------
// Export

const SURVEY_COLUMNS = [
  'type',
  'name',
  ...LANGS.map((l) => `label::${LANG_COLUMN[l]}`),
  ...LANGS.map((l) => `hint::${LANG_COLUMN[l]}`),
  'required',
  'relevant',
  'constraint',
  'appearance',
  'passerelle_type'
];
const CHOICE_COLUMNS = ['list_name', 'name', ...LANGS.map((l) => `label::${LANG_COLUMN[l]}`)];
const SETTINGS_COLUMNS = ['form_title', 'form_id', 'version', 'default_language', ...LANGS.map((l) => `passerelle_title::${LANG_COLUMN[l]}`)];

const APPEARANCE: Partial<Record<QuestionType, string>> = { long_text: 'multiline', scale: 'likert' };

function sameInAll(text: string): Label {
  return { fr: text, nl: text, en: text };
}

/** The fixed answer lists, as XLSForm choices (the values are those of `choicesOf`). */
function fixedChoices(list: string): Choice[] {
  if (list === SCALE_LIST) return ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: sameInAll(v) }));
  if (list === AGE_BAND_LIST) return AGE_BANDS.map((b) => ({ value: b, label: sameInAll(b) }));
  return [
    ...COMMUNES.map((c) => ({ value: c.nis, label: { fr: c.nameFr, nl: c.nameNl, en: c.nameEn } })),
    { value: OUTSIDE_BRUSSELS, label: { fr: 'Hors de Bruxelles', nl: 'Buiten Brussel', en: 'Outside Brussels' } }
  ];
}

/** Adds `_2`, `_3`… to a name until it is free, staying within the 64 characters of a Passerelle name. */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 64 - String(i).length - 1)}_${i}`;
  taken.add(name);
  return name;
}

/** The choice list of each single/multiple question: named after the question, never a fixed list's name. */
function listNames(def: SurveyDefinition): Map<string, string> {
  const taken = new Set<string>([SCALE_LIST, COMMUNE_LIST, AGE_BAND_LIST]);
  const names = new Map<string, string>();
  for (const q of def.questions) if (q.type === 'single' || q.type === 'multiple') names.set(q.id, uniqueName(q.id, taken));
  return names;
}

function labelCells(l: Label | undefined): string[] {
  return LANGS.map((k) => l?.[k] ?? '');
}

function conditionExpr(c: Condition): string {
  const ref = `\${${c.question}}`;
  const value = typeof c.value === 'number' ? formatNumber(c.value) : xpathString(c.value ?? '');
  if (c.op === 'answered') return `${ref} != ''`;
  if (c.op === 'includes') return `selected(${ref}, ${value})`;
  return `${ref} ${OP_SYMBOL[c.op]} ${value}`;
}

export function relevantOf(showIf: ShowIf): string {
  return showIf.conditions.map(conditionExpr).join(showIf.mode === 'any' ? ' or ' : ' and ');
}

function constraintOf(q: Question): string {
  const parts: string[] = [];
  if (q.min !== undefined) parts.push(`. >= ${formatNumber(q.min)}`);
  if (q.max !== undefined) parts.push(`. <= ${formatNumber(q.max)}`);
  return parts.join(' and ');
}

function xlsType(q: Question, list: string | undefined): string {
  switch (q.type) {
    case 'single':
      return `select_one ${list}`;
    case 'multiple':
      return `select_multiple ${list}`;
    case 'scale':
    case 'commune':
    case 'age_band':
      return `select_one ${FIXED_LISTS[q.type]}`;
    case 'number':
      return q.integer ? 'integer' : 'decimal';
    case 'short_text':
    case 'long_text':
      return 'text';
    case 'date':
      return 'date';
    case 'note':
      return 'note';
  }
}

function questionRow(q: Question, list: string | undefined): string[] {
  return [
    xlsType(q, list),
    q.id,
    ...labelCells(q.label),
    ...labelCells(q.hint),
    q.required ? 'yes' : '',
    q.showIf ? relevantOf(q.showIf) : '',
    q.type === 'number' ? constraintOf(q) : '',
    APPEARANCE[q.type] ?? '',
    q.type
  ];
}

function surveyRows(def: SurveyDefinition, lists: Map<string, string>): string[][] {
  const rows: string[][] = [];
  if (def.intro) {
    // The introduction becomes a note in front of the questions, which is what Kobo/ODK users see too.
    const name = uniqueName('passerelle_intro', new Set(def.questions.map((q) => q.id)));
    rows.push(['note', name, ...labelCells(def.intro), '', '', '', '', '', '', '', INTRO]);
  }
  for (const q of def.questions) rows.push(questionRow(q, lists.get(q.id)));
  return rows;
}

function choiceRows(def: SurveyDefinition, lists: Map<string, string>): string[][] {
  const rows: string[][] = [];
  const fixed: string[] = [];
  for (const q of def.questions) {
    const list = lists.get(q.id);
    if (list) for (const c of q.choices ?? []) rows.push([list, c.value, ...labelCells(c.label)]);
    const fixedList = FIXED_LISTS[q.type];
    if (fixedList && !fixed.includes(fixedList)) fixed.push(fixedList);
  }
  for (const list of fixed) for (const c of fixedChoices(list)) rows.push([list, c.value, ...labelCells(c.label)]);
  return rows;
}

/** The language the title is filled in first (fr, nl, en): settings name it, form_title holds it. */
function titleLanguage(title: Label): Lang {
  return LANGS.find((l) => (title[l] ?? '').length > 0) ?? 'fr';
}

/** An ODK form_id from the title: ASCII letters, digits and underscores. */
function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  return /^[a-z]/.test(s) ? s : `survey_${s}`.replace(/_$/, '');
}

function settingsRow(def: SurveyDefinition, opts: { formId?: string; version?: string }): string[] {
  const lang = titleLanguage(def.title);
  const title = def.title[lang] ?? '';
  // form_title holds the title in the default language; the other languages go to custom columns,
  // because XLSForm has no translated form_title.
  return [title, opts.formId ?? slug(title), opts.version ?? '', LANG_COLUMN[lang], ...LANGS.map((l) => (l === lang ? '' : (def.title[l] ?? '')))];
}

function addSheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: string[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header.map((h) => encodeOoxml(escapeCell(h)))).font = { bold: true };
  for (const row of rows) ws.addRow(row.map((text) => (text === '' ? null : encodeOoxml(escapeCell(text)))));
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = h.startsWith('label') || h.startsWith('hint') || h === 'relevant' ? 40 : 20;
  });
}

/**
 * The definition as an XLSForm workbook (sheets survey, choices, settings). Every cell is written as
 * text, escaped against formula injection; `importXlsForm` reads it back to the same definition.
 */
export async function exportXlsForm(def: SurveyDefinition, opts: { formId?: string; version?: string } = {}): Promise<Buffer> {
  const lists = listNames(def);
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'survey', SURVEY_COLUMNS, surveyRows(def, lists));
  addSheet(wb, 'choices', CHOICE_COLUMNS, choiceRows(def, lists));
  addSheet(wb, 'settings', SETTINGS_COLUMNS, [settingsRow(def, opts)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------
// Import: reading the workbook safely

export interface SkippedItem {
  /** The sheet row as a spreadsheet numbers it (the header row is usually 1); absent for a whole sheet. */
  row?: number;
  sheet: string;
  what: string;
  reason: string;
}

export interface XlsFormImport {
  definition: SurveyDefinition;
  skipped: SkippedItem[];
}

function fail(messageKey: string, message: string, params?: Record<string, string | number>, cause?: unknown): AppError {
  return new AppError('VALIDATION', message, { messageKey, ...(params ? { params } : {}), ...(cause === undefined ? {} : { cause }) });
}

/**
 * Looks at the zip's central directory before anything is unzipped: it must be a zip holding an xlsx
 * workbook, and the sizes it declares must stay reasonable (a small upload must not unzip to gigabytes).
 */
function inspectZip(buf: Buffer, maxUnzipped: number): void {
  const notXlsx = () => fail('epn_survey_error_xlsform_not_xlsx', 'not an xlsx file');
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  let hasWorkbook = false;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    // 0xffffffff means a ZIP64 size: no spreadsheet form needs that.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    if (total > maxUnzipped) throw fail('epn_survey_error_xlsform_too_big', 'the xlsx unzips to too much data');
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  if (!hasWorkbook) throw notXlsx();
}

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw fail('epn_survey_error_xlsform_not_xlsx', 'not a readable xlsx file', undefined, e);
  }
  if (wb.worksheets.length === 0) throw fail('epn_survey_error_xlsform_not_xlsx', 'the xlsx has no sheet');
  return wb;
}

/** A cell's value as text, whatever the author typed: numbers, booleans, rich text, formula results. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result ?? null);
  return '';
}

interface SheetRow {
  row: number;
  cells: string[];
}

interface RawSheet {
  name: string;
  headerRow: number;
  headers: { index: number; text: string }[];
  rows: SheetRow[];
}

/** The header row (the first row with a value) and the non-empty rows below it, as unescaped text. */
function readSheet(ws: ExcelJS.Worksheet): RawSheet {
  let headerRow = 0;
  const headers: { index: number; text: string }[] = [];
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (headerRow === 0) {
      headerRow = rowNumber;
      for (let i = 1; i <= row.cellCount; i++) {
        const text = unescapeCell(cellText(row.getCell(i).value)).trim();
        if (text) headers.push({ index: i, text });
      }
      return;
    }
    const cells = headers.map((h) => unescapeCell(cellText(row.getCell(h.index).value)));
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  return { name: ws.name, headerRow, headers, rows };
}

// ---------------------------------------------------------------------------------------------------
// Import: columns and languages

const LANG_NAMES: Record<string, Lang> = {
  fr: 'fr',
  fra: 'fr',
  fre: 'fr',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  frans: 'fr',
  französisch: 'fr',
  nl: 'nl',
  nld: 'nl',
  dut: 'nl',
  dutch: 'nl',
  nederlands: 'nl',
  néerlandais: 'nl',
  neerlandais: 'nl',
  flemish: 'nl',
  vlaams: 'nl',
  niederländisch: 'nl',
  en: 'en',
  eng: 'en',
  english: 'en',
  anglais: 'en',
  engels: 'en',
  englisch: 'en'
};

/**
 * The language of a column suffix or a default_language value: "French (fr)", "Français (fr)", "fr",
 * "fr-BE", "English"… 'default' for no language; null for a language Passerelle does not have.
 */
export function parseLanguage(spec: string): Lang | 'default' | null {
  const s = spec.trim().toLowerCase();
  if (s === '' || s === 'default') return 'default';
  const code = /\(\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*\)$/.exec(s)?.[1] ?? /^([a-z]{2,3})(?:[-_][a-z0-9]+)+$/.exec(s)?.[1];
  if (code) return LANG_NAMES[code] ?? null;
  return LANG_NAMES[s] ?? null;
}

type Texts = Partial<Record<Lang, string>>;

interface Column {
  index: number;
  header: string;
  field?: string;
  /** For translatable fields: the language, or 'default' for the plain column. */
  lang?: Lang | 'default';
  /** Why the column cannot be used; reported once if an imported row has a value in it. */
  problem?: string;
}

/** A sheet's columns mapped to fields (with aliases and languages), and the record of unused values. */
class Table {
  readonly columns: Column[];
  private readonly withValues = new Set<number>();

  constructor(
    readonly sheet: RawSheet,
    aliases: Record<string, string>,
    translatable: readonly string[]
  ) {
    const seen = new Set<string>();
    this.columns = sheet.headers.map((h, position) => {
      const col = classify(h.text, position, aliases, translatable);
      const key = `${col.field}|${col.lang ?? ''}`;
      if (col.field && col.field !== '$' && !col.problem && seen.has(key)) return { index: position, header: h.text, problem: 'this column repeats an earlier one; ignored' };
      seen.add(key);
      return col;
    });
  }

  get rows(): SheetRow[] {
    return this.sheet.rows;
  }

  /** The trimmed text of the first column of this field that has one. */
  text(r: SheetRow, field: string): string {
    for (const c of this.columns) {
      if (c.field !== field || c.problem || (c.lang && c.lang !== 'default')) continue;
      const v = (r.cells[c.index] ?? '').trim();
      if (v) return v;
    }
    return '';
  }

  /** A translatable field by language; the plain column fills the default language if its own is empty. */
  texts(r: SheetRow, field: string, defaultLang: Lang): Texts {
    const out: Texts = {};
    for (const lang of LANGS) {
      const own = this.columns.find((c) => c.field === field && !c.problem && c.lang === lang && (r.cells[c.index] ?? '').trim());
      const plain = lang === defaultLang ? this.columns.find((c) => c.field === field && !c.problem && c.lang === 'default' && (r.cells[c.index] ?? '').trim()) : undefined;
      const col = own ?? plain;
      if (col) out[lang] = (r.cells[col.index] ?? '').trim();
    }
    return out;
  }

  /** Notes which unusable columns hold a value in a row that was imported. */
  imported(r: SheetRow): void {
    for (const c of this.columns) if (c.problem && (r.cells[c.index] ?? '').trim()) this.withValues.add(c.index);
  }

  reportColumns(report: Report): void {
    for (const c of this.columns) if (c.problem && this.withValues.has(c.index)) report.add(this.sheet.name, this.sheet.headerRow, `column '${c.header}'`, c.problem);
  }
}

function classify(header: string, index: number, aliases: Record<string, string>, translatable: readonly string[]): Column {
  const [rawBase = '', ...rest] = header.split('::');
  const base = rawBase.trim().toLowerCase();
  const langSpec = rest.length ? rest.join('::').trim() : undefined;
  // Kobo's bookkeeping columns ($kuid, $autoname, $given_name…) carry no form content.
  if (base.startsWith('$')) return { index, header, field: '$' };
  const field = aliases[base];
  if (!field) return { index, header, problem: 'this column is not supported; its values were ignored' };
  if (!translatable.includes(field)) return langSpec === undefined ? { index, header, field } : { index, header, problem: 'this column is not supported; its values were ignored' };
  const lang = parseLanguage(langSpec ?? '');
  if (lang === null) return { index, header, field, problem: `the language '${langSpec}' is not supported (only French, Dutch and English); this column was ignored` };
  return { index, header, field, lang };
}

const SURVEY_FIELDS: Record<string, string> = {
  type: 'type',
  name: 'name',
  label: 'label',
  caption: 'label',
  hint: 'hint',
  required: 'required',
  relevant: 'relevant',
  relevance: 'relevant',
  constraint: 'constraint',
  appearance: 'appearance',
  passerelle_type: 'passerelle_type',
  choice_filter: 'choice_filter'
};
const CHOICE_FIELDS: Record<string, string> = { list_name: 'list_name', 'list name': 'list_name', name: 'name', value: 'name', label: 'label' };
const SETTINGS_FIELDS: Record<string, string> = {
  form_title: 'form_title',
  form_id: 'form_id',
  id_string: 'form_id',
  version: 'version',
  default_language: 'default_language',
  passerelle_title: 'passerelle_title'
};

const SHEET_ORDER = ['survey', 'choices', 'settings'];

class Report {
  private readonly items: SkippedItem[] = [];

  add(sheet: string, row: number | undefined, what: string, reason: string): void {
    this.items.push({ ...(row === undefined ? {} : { row }), sheet, what, reason });
  }

  /** Sheet by sheet (survey, choices, settings, others), top to bottom; same row in the order found. */
  sorted(): SkippedItem[] {
    const rank = (s: string) => {
      const i = SHEET_ORDER.indexOf(s.trim().toLowerCase());
      return i < 0 ? SHEET_ORDER.length : i;
    };
    return [...this.items].sort((a, b) => rank(a.sheet) - rank(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  }
}

/** Cuts a text to what a Passerelle label holds, reporting the cut. */
function clipTexts(texts: Texts, report: Report, sheet: string, row: number, what: string): Texts {
  const out: Texts = {};
  for (const lang of LANGS) {
    const t = texts[lang];
    if (t === undefined) continue;
    if (t.length > MAX_TEXT) report.add(sheet, row, what, `the ${lang} text is longer than ${MAX_TEXT} characters; it was cut`);
    out[lang] = t.length > MAX_TEXT ? t.slice(0, MAX_TEXT).trim() : t;
  }
  return out;
}

function hasText(t: Texts): boolean {
  return LANGS.some((l) => (t[l] ?? '').length > 0);
}

/** A Passerelle name from an XLSForm name: ASCII letters, digits, _ . -, starting with a letter or _. */
function toName(raw: string): string {
  const s = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]/g, '_');
  return (/^[A-Za-z_]/.test(s) ? s : `_${s}`).slice(0, 64);
}

// ---------------------------------------------------------------------------------------------------
// Import: settings and choice lists

interface Settings {
  lang: Lang;
  title: Label;
}

function readSettings(table: Table | undefined, report: Report): Settings {
  const r = table?.rows[0];
  if (!table || !r) return { lang: 'fr', title: { en: 'Imported survey' } };
  const sheet = table.sheet.name;
  const spec = table.text(r, 'default_language');
  const parsed = parseLanguage(spec);
  if (parsed === null) report.add(sheet, r.row, `default_language '${spec}'`, 'this language is not supported (only French, Dutch and English); texts without a language are read as French');
  const lang: Lang = parsed === null || parsed === 'default' ? 'fr' : parsed;
  table.imported(r);
  table.reportColumns(report);
  // form_title is the default language's title; our export keeps the other languages in passerelle_title.
  const texts = table.texts(r, 'passerelle_title', lang);
  const formTitle = table.text(r, 'form_title');
  if (formTitle) texts[lang] = formTitle;
  const title = clipTexts(texts, report, sheet, r.row, 'form_title');
  if (hasText(title)) return { lang, title };
  const formId = table.text(r, 'form_id');
  return { lang, title: formId ? { [lang]: formId.slice(0, MAX_TEXT) } : { en: 'Imported survey' } };
}

interface ChoiceList {
  choices: Choice[];
  /** XLSForm choice name -> Passerelle value, for names that had to change; conditions use it. */
  rename: Map<string, string>;
}

/** The choices sheet, read list by list when a question first uses it (so its reports come once). */
class ChoiceLists {
  private readonly rows = new Map<string, SheetRow[]>();
  private readonly done = new Map<string, ChoiceList>();
  private readonly used = new Set<string>();

  constructor(
    private readonly table: Table | undefined,
    private readonly lang: Lang,
    private readonly report: Report
  ) {
    if (table) this.index(table);
  }

  private index(table: Table): void {
    for (const r of table.rows) {
      const list = table.text(r, 'list_name');
      if (!list) {
        this.report.add(table.sheet.name, r.row, `choice '${table.text(r, 'name')}'`, 'the choice has no list_name; skipped');
        continue;
      }
      this.rows.set(list, [...(this.rows.get(list) ?? []), r]);
    }
  }

  has(list: string): boolean {
    return this.rows.has(list);
  }

  /** Marks a list as used without reading it (the fixed lists: their values are Passerelle's own). */
  markUsed(list: string): void {
    this.used.add(list);
  }

  get(list: string): ChoiceList | undefined {
    const rows = this.rows.get(list);
    if (!rows || !this.table) return undefined;
    this.used.add(list);
    let result = this.done.get(list);
    if (!result) {
      result = this.read(this.table, list, rows);
      this.done.set(list, result);
    }
    return result;
  }

  private read(table: Table, list: string, rows: SheetRow[]): ChoiceList {
    const sheet = table.sheet.name;
    const choices: Choice[] = [];
    const rename = new Map<string, string>();
    const seen = new Set<string>();
    const taken = new Set<string>();
    for (const r of rows) {
      const raw = table.text(r, 'name');
      const what = `choice '${raw}' in list '${list}'`;
      if (!raw) {
        this.report.add(sheet, r.row, `choice in list '${list}'`, 'the choice has no name; skipped');
        continue;
      }
      if (seen.has(raw)) {
        this.report.add(sheet, r.row, what, 'a choice with this name comes earlier in the list; skipped');
        continue;
      }
      seen.add(raw);
      const value = uniqueName(toName(raw), taken);
      if (value !== raw) {
        rename.set(raw, value);
        this.report.add(sheet, r.row, what, `'${raw}' is not a valid Passerelle value (letters, digits, _ . - and a letter or _ first); renamed to '${value}'`);
      }
      let label = clipTexts(table.texts(r, 'label', this.lang), this.report, sheet, r.row, what);
      if (!hasText(label)) {
        this.report.add(sheet, r.row, what, 'the choice has no label; its name is used as label');
        label = { [this.lang]: raw };
      }
      table.imported(r);
      choices.push({ value, label });
    }
    return { choices, rename };
  }

  reportUnused(): void {
    if (!this.table) return;
    for (const [list, rows] of this.rows) {
      if (!this.used.has(list)) this.report.add(this.table.sheet.name, rows[0]?.row, `list '${list}'`, 'no imported question uses this list; ignored');
    }
    this.table.reportColumns(this.report);
  }
}

// ---------------------------------------------------------------------------------------------------
// Import: types, relevance and constraints

type BaseType = 'select_one' | 'select_multiple' | 'integer' | 'decimal' | 'text' | 'date' | 'note';

type XlsType =
  | { kind: 'question'; base: BaseType; list?: string; orOther?: boolean }
  | { kind: 'begin_group' }
  | { kind: 'end_group' }
  | { kind: 'begin_repeat' }
  | { kind: 'end_repeat' }
  | { kind: 'unsupported'; reason: string };

const METADATA = 'metadata fields are not collected by Passerelle surveys';
const MEDIA = 'photo, audio, video and file questions are not supported';
const UNSUPPORTED_TYPES: Record<string, string> = {
  calculate: 'calculations are not supported',
  geopoint: 'location questions are not supported',
  geotrace: 'location questions are not supported',
  geoshape: 'location questions are not supported',
  image: MEDIA,
  audio: MEDIA,
  video: MEDIA,
  file: MEDIA,
  'background-audio': MEDIA,
  barcode: 'barcode questions are not supported',
  time: 'time questions are not supported (only dates)',
  datetime: 'date-and-time questions are not supported (only dates)',
  range: 'range questions are not supported',
  rank: 'ranking questions are not supported',
  acknowledge: 'acknowledge questions are not supported',
  trigger: 'acknowledge questions are not supported',
  hidden: 'hidden fields are not supported',
  'xml-external': 'external data is not supported',
  'csv-external': 'external data is not supported',
  select_one_from_file: 'choices from an external file are not supported',
  select_multiple_from_file: 'choices from an external file are not supported',
  start: METADATA,
  end: METADATA,
  today: METADATA,
  deviceid: METADATA,
  subscriberid: METADATA,
  simserial: METADATA,
  phonenumber: METADATA,
  username: METADATA,
  email: METADATA,
  audit: METADATA,
  'start-geopoint': METADATA
};

const SIMPLE_TYPES: Record<string, BaseType> = { integer: 'integer', int: 'integer', decimal: 'decimal', text: 'text', string: 'text', date: 'date', note: 'note' };

/** "select_one yes_no", "select one yes_no", "begin group", "integer"… List names keep their case. */
function parseType(raw: string): XlsType {
  let words = raw.trim().split(/\s+/);
  const lower = words.map((w) => w.toLowerCase());
  let head = lower[0] ?? '';
  if (lower.slice(0, 4).join(' ') === 'select all that apply') {
    head = 'select_multiple';
    words = words.slice(3);
  } else if (['begin', 'end', 'select'].includes(head) && lower[1]) {
    head = `${head}_${lower[1]}`;
    words = words.slice(1);
  }
  const args = words.slice(1);
  if (head === 'begin_group' || head === 'end_group' || head === 'begin_repeat' || head === 'end_repeat') return { kind: head };
  if (head === 'select_one' || head === 'select_multiple') {
    const [list, extra, ...more] = args;
    if (!list) return { kind: 'unsupported', reason: 'the type names no choice list' };
    if ((extra && extra.toLowerCase() !== 'or_other') || more.length) return { kind: 'unsupported', reason: 'this type is not understood' };
    return { kind: 'question', base: head, list, orOther: Boolean(extra) };
  }
  const simple = SIMPLE_TYPES[head];
  if (simple && args.length === 0) return { kind: 'question', base: simple };
  const unsupported = UNSUPPORTED_TYPES[head];
  return { kind: 'unsupported', reason: unsupported ?? 'unknown question type' };
}

class RelevanceError extends Error {}

type Token =
  | { kind: 'ref'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; op: string }
  | { kind: 'word'; word: string }
  | { kind: '(' | ')' | ',' | '.' };

function tokenText(t: Token | undefined): string {
  if (!t) return 'end of expression';
  switch (t.kind) {
    case 'ref':
      return `\${${t.name}}`;
    case 'string':
      return `'${t.value}'`;
    case 'number':
      return formatNumber(t.value);
    case 'op':
      return t.op;
    case 'word':
      return t.word;
    default:
      return t.kind;
  }
}

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)/;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i]!;
    const last = tokens[tokens.length - 1];
    // A minus sign is part of a number only where an operand starts (XPath subtraction is not supported).
    const operandStart = !last || last.kind === 'op' || last.kind === '(' || last.kind === ',';
    const number = NUMBER.exec(rest)?.[0] ?? (ch === '-' && operandStart ? NUMBER.exec(rest.slice(1))?.[0] : undefined);
    let m: RegExpExecArray | null;
    if (/\s/.test(ch)) i++;
    else if (rest.startsWith('${')) {
      const end = src.indexOf('}', i);
      if (end < 0) throw new RelevanceError('a ${…} reference is not closed');
      tokens.push({ kind: 'ref', name: src.slice(i + 2, end).trim() });
      i = end + 1;
    } else if (ch === "'" || ch === '"') {
      const end = src.indexOf(ch, i + 1);
      if (end < 0) throw new RelevanceError('a quoted text is not closed');
      tokens.push({ kind: 'string', value: src.slice(i + 1, end) });
      i = end + 1;
    } else if (number !== undefined) {
      const text = ch === '-' ? `-${number}` : number;
      if (!Number.isFinite(Number(text))) throw new RelevanceError(`the number ${text.slice(0, 20)}… is too large`);
      tokens.push({ kind: 'number', value: Number(text) });
      i += text.length;
    } else if ((m = /^(!=|>=|<=|=|>|<)/.exec(rest))) {
      tokens.push({ kind: 'op', op: m[0] });
      i += m[0].length;
    } else if (ch === '(' || ch === ')' || ch === ',' || ch === '.') {
      tokens.push({ kind: ch });
      i++;
    } else if ((m = /^[A-Za-z_][\w.:-]*/.exec(rest))) {
      tokens.push({ kind: 'word', word: m[0] });
      i += m[0].length;
    } else throw new RelevanceError(`unexpected character '${ch}'`);
  }
  return tokens;
}

interface RawCondition {
  ref: string;
  op: ConditionOp;
  value?: string | number;
}

interface ParsedRelevance {
  mode: 'all' | 'any';
  conditions: RawCondition[];
}

const OPS: Record<string, ConditionOp> = { '=': 'equals', '!=': 'not_equals', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };

/**
 * A recursive-descent reader for the relevance expressions Passerelle can represent: comparisons of a
 * ${question} with a literal, selected(${question}, literal), joined by only `and` or only `or` (nested
 * parentheses are fine if they do not mix the two).
 */
class RelevanceParser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): ParsedRelevance {
    if (this.tokens.length === 0) throw new RelevanceError('the expression is empty');
    const result = this.expression();
    if (this.at < this.tokens.length) throw new RelevanceError(`unexpected '${tokenText(this.peek())}'`);
    return result;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private next(): Token | undefined {
    return this.tokens[this.at++];
  }

  private expect(kind: Token['kind']): Token {
    const t = this.next();
    if (t?.kind !== kind) throw new RelevanceError(`expected '${kind}' but found '${tokenText(t)}'`);
    return t;
  }

  private connective(): 'and' | 'or' | undefined {
    const t = this.peek();
    const w = t?.kind === 'word' ? t.word.toLowerCase() : '';
    return w === 'and' || w === 'or' ? w : undefined;
  }

  private expression(): ParsedRelevance {
    const units = [this.unit()];
    let conn: 'and' | 'or' | undefined;
    for (let c = this.connective(); c; c = this.connective()) {
      if (conn && c !== conn) throw new RelevanceError("'and' and 'or' are mixed");
      conn = c;
      this.next();
      units.push(this.unit());
    }
    if (units.length === 1) return units[0]!;
    const mode = conn === 'or' ? 'any' : 'all';
    if (units.some((u) => u.conditions.length > 1 && u.mode !== mode)) throw new RelevanceError("'and' and 'or' are mixed");
    return { mode, conditions: units.flatMap((u) => u.conditions) };
  }

  private unit(): ParsedRelevance {
    if (this.peek()?.kind === '(') {
      this.next();
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    return { mode: 'all', conditions: [this.condition()] };
  }

  private condition(): RawCondition {
    const t = this.next();
    if (t?.kind === 'word') {
      if (t.word !== 'selected') throw new RelevanceError(this.peek()?.kind === '(' ? `the function ${t.word}() is not supported` : `unexpected '${t.word}'`);
      this.expect('(');
      const ref = this.expect('ref') as { kind: 'ref'; name: string };
      this.expect(',');
      const value = this.literal();
      this.expect(')');
      return { ref: ref.name, op: 'includes', value };
    }
    if (t?.kind === '.') throw new RelevanceError("'.' (the current question) is not supported");
    if (t?.kind !== 'ref') throw new RelevanceError(`expected a \${question} but found '${tokenText(t)}'`);
    const op = this.next();
    if (op?.kind !== 'op') throw new RelevanceError(`expected a comparison after \${${t.name}} but found '${tokenText(op)}'`);
    const value = this.literal();
    if (value === '' && op.op === '!=') return { ref: t.name, op: 'answered' };
    if (value === '') throw new RelevanceError(`"${tokenText(t)} ${op.op} ''" is not supported (only "!= ''", for answered)`);
    return { ref: t.name, op: OPS[op.op]!, value };
  }

  private literal(): string | number {
    const t = this.next();
    if (t?.kind === 'string' || t?.kind === 'number') return t.value;
    if (t?.kind === 'word' && t.word === 'concat') return this.concat();
    throw new RelevanceError(`expected a quoted text or a number but found '${tokenText(t)}'`);
  }

  /** concat() of quoted texts: how a value holding both quote characters is written. */
  private concat(): string {
    this.expect('(');
    let text = '';
    for (;;) {
      const part = this.next();
      if (part?.kind !== 'string') throw new RelevanceError('concat() may only join quoted texts');
      text += part.value;
      const sep = this.next();
      if (sep?.kind === ')') return text;
      if (sep?.kind !== ',') throw new RelevanceError(`unexpected '${tokenText(sep)}' in concat()`);
    }
  }
}

export function parseRelevance(text: string): ParsedRelevance {
  return new RelevanceParser(tokenize(text)).parse();
}

/** The questions imported so far, by their XLSForm name: conditions may only refer to these. */
interface Known {
  q: Question;
  rename: Map<string, string>;
}

function resolveShowIf(p: ParsedRelevance, known: Map<string, Known>): ShowIf {
  if (p.conditions.length > MAX_CONDITIONS) throw new RelevanceError(`more than ${MAX_CONDITIONS} conditions`);
  const conditions = p.conditions.map((c): Condition => {
    const target = known.get(c.ref);
    if (!target) throw new RelevanceError(`'${c.ref}' is not an earlier imported question`);
    if (target.q.type === 'note') throw new RelevanceError(`'${c.ref}' is a note`);
    // selected() on a single choice is how ODK spells "equals".
    const op = c.op === 'includes' && target.q.type !== 'multiple' ? 'equals' : c.op;
    const value = typeof c.value === 'string' ? (target.rename.get(c.value) ?? c.value) : c.value;
    if (typeof value === 'string' && value.length > MAX_VALUE) throw new RelevanceError(`a value is longer than ${MAX_VALUE} characters`);
    return { question: target.q.id, op, ...(value === undefined ? {} : { value }) };
  });
  return { mode: conditions.length > 1 ? p.mode : 'all', conditions };
}

/** A group's condition and a question's own combine when both are "all" (or a single condition). */
function combine(parts: ParsedRelevance[]): ParsedRelevance | undefined {
  if (parts.length <= 1) return parts[0];
  if (parts.some((p) => p.mode === 'any' && p.conditions.length > 1)) throw new RelevanceError("its group's condition and its own cannot be combined without mixing 'and' and 'or'");
  return { mode: 'all', conditions: parts.flatMap((p) => p.conditions) };
}

const BOUND = /^\(?\s*\.\s*(>=|<=)\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*\)?$/;

/** The one constraint form Passerelle has: ". >= min and . <= max" (either bound alone, either order). */
export function parseConstraint(text: string): { min?: number; max?: number } | null {
  const body = /^\((.*)\)$/.exec(text.trim())?.[1] ?? text;
  const out: { min?: number; max?: number } = {};
  for (const part of body.split(/\s+and\s+/i)) {
    const m = BOUND.exec(part.trim());
    if (!m) return null;
    const key = m[1] === '>=' ? 'min' : 'max';
    const value = Number(m[2]);
    if (out[key] !== undefined || !Number.isFinite(value)) return null;
    out[key] = value;
  }
  return out;
}

const YES = new Set(['yes', 'true', '1', 'true()', 'y']);
const NO = new Set(['', 'no', 'false', '0', 'false()', 'n']);

// ---------------------------------------------------------------------------------------------------
// Import: survey rows

/** Which XLSForm base types each Passerelle type may be written as. */
const FITS: Record<PasserelleType, readonly BaseType[]> = {
  single: ['select_one'],
  multiple: ['select_multiple'],
  scale: ['select_one'],
  commune: ['select_one'],
  age_band: ['select_one'],
  number: ['integer', 'decimal'],
  short_text: ['text'],
  long_text: ['text'],
  date: ['date'],
  note: ['note'],
  intro: ['note']
};

function isPasserelleType(s: string): s is PasserelleType {
  return s === INTRO || (QUESTION_TYPES as readonly string[]).includes(s);
}

interface Frame {
  kind: 'group' | 'repeat';
  name: string;
  relevance?: ParsedRelevance;
}

interface RowContext {
  r: SheetRow;
  t: Extract<XlsType, { kind: 'question' }>;
  name: string;
  what: string;
}

/** Reads the survey sheet into questions, flattening groups and reporting everything left out. */
class SurveyReader {
  readonly questions: Question[] = [];
  intro: Label | undefined;
  private readonly known = new Map<string, Known>();
  private readonly ids = new Set<string>();
  private readonly frames: Frame[] = [];
  private readonly sheet: string;

  constructor(
    private readonly table: Table,
    private readonly lists: ChoiceLists,
    private readonly lang: Lang,
    private readonly report: Report
  ) {
    this.sheet = table.sheet.name;
  }

  private skip(r: SheetRow, what: string, reason: string): void {
    this.report.add(this.sheet, r.row, what, reason);
  }

  read(): void {
    for (const r of this.table.rows) this.row(r);
  }

  private row(r: SheetRow): void {
    const typeRaw = this.table.text(r, 'type');
    const name = this.table.text(r, 'name');
    const what = name ? `${typeRaw || 'row'} '${name}'` : typeRaw || 'row';
    if (!typeRaw) return this.skip(r, what, 'the row has no type; skipped');
    const t = parseType(typeRaw);
    if (t.kind === 'end_group' || t.kind === 'end_repeat') return this.close(r, t.kind === 'end_group' ? 'group' : 'repeat', what);
    const repeat = this.frames.find((f) => f.kind === 'repeat');
    if (repeat) {
      if (t.kind === 'begin_group' || t.kind === 'begin_repeat') this.frames.push({ kind: t.kind === 'begin_group' ? 'group' : 'repeat', name });
      return this.skip(r, what, `inside repeat '${repeat.name}', which is not supported; skipped`);
    }
    if (t.kind === 'begin_repeat') {
      this.frames.push({ kind: 'repeat', name });
      return this.skip(r, what, 'repeats are not supported; the repeat and every question in it are skipped');
    }
    if (t.kind === 'begin_group') return this.openGroup(r, name, what);
    if (t.kind === 'unsupported') return this.skip(r, what, `${t.reason}; skipped`);
    this.question({ r, t, name, what });
  }

  private close(r: SheetRow, kind: Frame['kind'], what: string): void {
    if (this.frames[this.frames.length - 1]?.kind === kind) this.frames.pop();
    else this.skip(r, what, `no begin_${kind} matches it; ignored`);
  }

  private openGroup(r: SheetRow, name: string, what: string): void {
    const frame: Frame = { kind: 'group', name };
    this.skip(r, what, 'groups are not supported; the group was flattened and its questions imported one by one');
    const relevant = this.table.text(r, 'relevant');
    if (relevant) {
      try {
        frame.relevance = parseRelevance(relevant);
      } catch (e) {
        this.skip(r, `relevant of group '${name}'`, `"${relevant}" cannot be used (${errorText(e)}); its questions are imported without this condition`);
      }
    }
    this.frames.push(frame);
  }

  private question(ctx: RowContext): void {
    const { r, t, name, what } = ctx;
    if (!name) return this.skip(r, what, 'the question has no name; skipped');
    if (this.known.has(name)) return this.skip(r, what, 'an earlier question has the same name; skipped');
    if (this.questions.length >= MAX_QUESTIONS) return this.skip(r, what, `a survey holds at most ${MAX_QUESTIONS} questions; skipped`);
    let type = this.typeOf(ctx);
    if (type === INTRO && this.intro) {
      this.skip(r, what, 'the survey already has an introduction; imported as a note');
      type = 'note';
    }
    let choices: Choice[] | undefined;
    let rename = new Map<string, string>();
    if (type === 'single' || type === 'multiple') {
      const list = this.lists.get(t.list ?? '');
      if (!list) return this.skip(r, what, `the choice list '${t.list}' is not in the choices sheet; skipped`);
      if (list.choices.length < 2) return this.skip(r, what, `the choice list '${t.list}' has fewer than two choices; skipped`);
      if (list.choices.length > MAX_CHOICES) return this.skip(r, what, `the choice list '${t.list}' has more than ${MAX_CHOICES} choices; skipped`);
      choices = list.choices;
      rename = list.rename;
    } else if (t.list) {
      // scale, commune and age band have Passerelle's own answers, whatever the list says.
      this.lists.markUsed(t.list);
      const fixed = FIXED_LISTS[type as QuestionType];
      if (t.list !== fixed) this.skip(r, `choices of '${name}'`, `the list '${t.list}' is replaced by Passerelle's fixed list for '${type}'`);
    }
    const label = this.label(ctx);
    if (type === INTRO) return this.setIntro(ctx, label);
    const id = this.newId(ctx);
    const q: Question = { id, type, label, required: this.required(ctx, type), ...(choices ? { choices } : {}) };
    const hint = clipTexts(this.table.texts(r, 'hint', this.lang), this.report, this.sheet, r.row, `hint of '${name}'`);
    if (hasText(hint)) q.hint = hint;
    if (type === 'number') Object.assign(q, this.bounds(ctx), t.base === 'integer' ? { integer: true } : {});
    else if (this.table.text(r, 'constraint')) this.skip(r, `constraint of '${name}'`, 'constraints are only supported on numbers; ignored');
    this.leftovers(ctx, type);
    const showIf = this.showIf(ctx);
    if (showIf) q.showIf = showIf;
    this.table.imported(r);
    this.questions.push(q);
    this.known.set(name, { q, rename });
  }

  /** The Passerelle type: passerelle_type when it fits the XLSForm type, else read from the XLSForm type. */
  private typeOf({ r, t, name }: RowContext): PasserelleType {
    const own = this.table.text(r, 'passerelle_type');
    if (own) {
      if (isPasserelleType(own) && FITS[own].includes(t.base)) return own;
      this.skip(r, `passerelle_type of '${name}'`, `'${own}' does not fit the type '${t.base}'; ignored`);
    }
    switch (t.base) {
      case 'select_one':
        return 'single';
      case 'select_multiple':
        return 'multiple';
      case 'integer':
      case 'decimal':
        return 'number';
      case 'text':
        return this.appearance(r).includes('multiline') ? 'long_text' : 'short_text';
      default:
        return t.base;
    }
  }

  private appearance(r: SheetRow): string[] {
    return this.table.text(r, 'appearance').split(/\s+/).filter(Boolean);
  }

  private label({ r, name }: RowContext): Label {
    const label = clipTexts(this.table.texts(r, 'label', this.lang), this.report, this.sheet, r.row, `label of '${name}'`);
    if (hasText(label)) return label;
    this.skip(r, `label of '${name}'`, 'the question has no label; its name is used as label');
    return { [this.lang]: name };
  }

  private setIntro({ r, name }: RowContext, label: Label): void {
    for (const field of ['hint', 'relevant', 'required'] as const) {
      const text = this.table.text(r, field);
      if (text) this.skip(r, `${field} of '${name}'`, `"${text}": the introduction has no ${field}; ignored`);
    }
    this.intro = label;
    this.table.imported(r);
  }

  private newId({ r, name }: RowContext): string {
    const id = uniqueName(toName(name), this.ids);
    if (id !== name) this.skip(r, `name '${name}'`, `not a valid Passerelle name (letters, digits, _ . - and a letter or _ first, at most 64); renamed to '${id}'`);
    return id;
  }

  private required({ r, name }: RowContext, type: PasserelleType): boolean {
    const text = this.table.text(r, 'required');
    const yes = YES.has(text.toLowerCase());
    if (!yes && !NO.has(text.toLowerCase())) this.skip(r, `required of '${name}'`, `'${text}' is not supported (only yes or no); the question is optional`);
    if (yes && type === 'note') this.skip(r, `required of '${name}'`, 'a note cannot be required; ignored');
    return yes && type !== 'note';
  }

  private bounds({ r, name }: RowContext): { min?: number; max?: number } {
    const text = this.table.text(r, 'constraint');
    if (!text) return {};
    const b = parseConstraint(text);
    if (!b) this.skip(r, `constraint of '${name}'`, `"${text}" is not supported (only ". >= min and . <= max"); ignored`);
    else if (b.min !== undefined && b.max !== undefined && b.min > b.max) this.skip(r, `constraint of '${name}'`, `"${text}": the minimum is above the maximum; ignored`);
    else return b;
    return {};
  }

  /** What the row says that Passerelle has no place for: reported, never silently lost. */
  private leftovers({ r, t, name }: RowContext, type: PasserelleType): void {
    const used = (type === 'long_text' && 'multiline') || (type === 'scale' && 'likert');
    const rest = this.appearance(r).filter((a) => a !== used);
    if (rest.length) this.skip(r, `appearance of '${name}'`, `'${rest.join(' ')}' is not supported; ignored`);
    if (t.orOther) this.skip(r, `or_other of '${name}'`, "'or_other' is not supported; no 'other' option was added");
    const filter = this.table.text(r, 'choice_filter');
    if (filter) this.skip(r, `choice_filter of '${name}'`, `"${filter}" is not supported; all choices are offered`);
  }

  private showIf({ r, name }: RowContext): ShowIf | undefined {
    const own = this.table.text(r, 'relevant');
    const groups = this.frames.flatMap((f) => (f.relevance ? [f.relevance] : []));
    if (!own && !groups.length) return undefined;
    try {
      const parsed = combine([...groups, ...(own ? [parseRelevance(own)] : [])]);
      return parsed && resolveShowIf(parsed, this.known);
    } catch (e) {
      const text = own || groups.map((g) => g.conditions.map((c) => c.ref).join(', ')).join('; ');
      const shown = own ? `"${text}"` : `the condition of its group (on ${text})`;
      this.skip(r, `relevant of '${name}'`, `${shown} cannot be used (${errorText(e)}); the question is kept without this condition`);
      return undefined;
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name.trim().toLowerCase() === name);
}

/** Extra sheets (external_choices, notes to self…) are not read: said once, if they hold anything. */
function reportOtherSheets(wb: ExcelJS.Workbook, report: Report): void {
  for (const ws of wb.worksheets) {
    if (SHEET_ORDER.includes(ws.name.trim().toLowerCase()) || ws.actualRowCount === 0) continue;
    report.add(ws.name, undefined, `sheet '${ws.name}'`, 'this sheet is not part of an XLSForm Passerelle reads; ignored');
  }
}

/**
 * Reads an XLSForm (KoboToolbox, ODK or hand-written) into a survey definition. What Passerelle cannot
 * represent is listed in `skipped` with its sheet row. Throws AppError VALIDATION with a messageKey
 * (epn_survey_error_xlsform_*) for a file that is too big, not an xlsx, has no survey sheet, holds no
 * importable question or gives an invalid definition.
 */
export async function importXlsForm(buf: Buffer | ArrayBuffer, opts: { maxBytes?: number } = {}): Promise<XlsFormImport> {
  const bytes = Buffer.isBuffer(buf) ? buf : Buffer.from(buf);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw fail('epn_survey_error_xlsform_too_big', 'the file is too big', { maxBytes });
  inspectZip(bytes, maxBytes * UNZIP_RATIO);
  const wb = await loadWorkbook(bytes);
  const surveyWs = findSheet(wb, 'survey');
  if (!surveyWs) throw fail('epn_survey_error_xlsform_no_survey_sheet', 'the workbook has no survey sheet');
  if (surveyWs.actualRowCount - 1 > MAX_SURVEY_ROWS) throw fail('epn_survey_error_xlsform_too_big', 'the survey sheet has too many rows', { maxRows: MAX_SURVEY_ROWS });

  const report = new Report();
  const settingsWs = findSheet(wb, 'settings');
  const choicesWs = findSheet(wb, 'choices');
  const settings = readSettings(settingsWs && new Table(readSheet(settingsWs), SETTINGS_FIELDS, ['passerelle_title']), report);
  const lists = new ChoiceLists(choicesWs && new Table(readSheet(choicesWs), CHOICE_FIELDS, ['label']), settings.lang, report);
  const surveyTable = new Table(readSheet(surveyWs), SURVEY_FIELDS, ['label', 'hint']);
  const reader = new SurveyReader(surveyTable, lists, settings.lang, report);
  reader.read();
  surveyTable.reportColumns(report);
  lists.reportUnused();
  reportOtherSheets(wb, report);
  if (reader.questions.length === 0) throw fail('epn_survey_error_xlsform_empty', 'the form has no question Passerelle can import');

  const parsed = ZSurveyDefinition.safeParse({ title: settings.title, ...(reader.intro ? { intro: reader.intro } : {}), questions: reader.questions });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw fail('epn_survey_error_xlsform_invalid', `the imported survey is not valid: ${issues}`, { issues });
  }
  return { definition: parsed.data, skipped: report.sorted() };
}
