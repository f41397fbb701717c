import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { sqlOf, type Db, type Sql } from '@passerelle/db';
import { AppError, type Actor } from '@passerelle/trpc';
import { requireOrganisation } from './access.ts';
import { choicesOf, label, LANGS, type Question, type SurveyDefinition } from './definition.ts';

// Response exports for researchers and staff: anonymised rows (no account, address, agent or time of day
// is ever stored, so none can leak), streamed in batches so that a million rows fit in little memory,
// with a codebook and a Frictionless data package that describe every column.

/** Cells starting like a formula are prefixed with ' so that spreadsheets show them as text. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Who may export a survey's responses: its organisation's members, staff (and researchers for region-wide surveys). */
export async function surveyForExport({ db, actor, surveyId }: { db: Db; actor: Actor; surveyId: string }) {
  const survey = await db.epnSurvey.findUnique({ where: { id: surveyId }, include: { versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'asc' } } } });
  if (!survey) throw new AppError('NOT_FOUND');
  const researcher = actor.roles.includes('researcher');
  if (!(researcher && survey.organisationId === null)) requireOrganisation(actor, survey.organisationId);
  return survey;
}

/** What an export needs: the survey's code, its title in `locale` and its columns. Checks who asks. */
export async function surveyExport({ db, actor, surveyId, locale }: { db: Db; actor: Actor; surveyId: string; locale: string }) {
  const s = await surveyForExport({ db, actor, surveyId });
  const definitions = s.versions.map((v) => v.definition as unknown as SurveyDefinition);
  const latest = definitions[definitions.length - 1];
  return { id: s.id, code: s.code, title: latest ? label(latest.title, locale) : s.code, questions: exportQuestions(definitions) };
}

/** The columns of an export: the questions of every published version, in order of first appearance. */
export function exportQuestions(definitions: SurveyDefinition[]): Question[] {
  const seen = new Map<string, Question>();
  for (const def of definitions) for (const q of def.questions) if (q.type !== 'note' && !seen.has(q.id)) seen.set(q.id, q);
  return [...seen.values()];
}

const FIXED = ['response_id', 'survey_version', 'day', 'channel'] as const;

/**
 * The responses of a survey as CSV, chunk by chunk (keyset pagination on the primary key: each batch is
 * one indexed query; memory stays flat whatever the number of rows). Each answer is extracted as text in
 * SQL (multiple choice joined with spaces), so Node only escapes and joins strings.
 */
export async function* responsesCsv({ db, surveyId, questions, batch = 5000 }: { db: Db; surveyId: string; questions: Question[]; batch?: number }): AsyncGenerator<string> {
  const sql = sqlOf(db);
  if (sql.copyOut) {
    yield* copyResponses(sql.copyOut, surveyId, questions);
    return;
  }
  yield `\uFEFF${stringify([[...FIXED, ...questions.map((q) => q.id)]])}`;
  for await (const rows of responseBatches({ db, surveyId, questions, batch })) {
    yield stringify(rows.map((r) => r.map((v) => (v === null ? '' : safeCell(String(v))))));
  }
}

export type ExportCell = string | number | null;

/**
 * The rows of an export (fixed columns, then one per question), batch by batch: keyset pagination on the
 * primary key, each batch one indexed query, so memory stays flat whatever the number of rows. Each
 * answer is extracted in SQL (multiple choice joined with spaces); numbers stay numbers.
 */
export async function* responseBatches({ db, surveyId, questions, batch = 5000 }: { db: Db; surveyId: string; questions: Question[]; batch?: number }): AsyncGenerator<ExportCell[][]> {
  const sql = sqlOf(db);
  // Question ids are validated names ([A-Za-z_][A-Za-z0-9_.-]*), passed as parameters anyway.
  const columns = questions.map((q, i) =>
    q.type === 'multiple'
      ? `array_to_string(ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(r."answers" -> $${i + 4}::text) = 'array' THEN r."answers" -> $${i + 4}::text ELSE '[]'::jsonb END)), ' ') AS "c${i}"`
      : `r."answers" ->> $${i + 4}::text AS "c${i}"`
  );
  const numeric = questions.map((q) => q.type === 'number' || q.type === 'scale');
  let after = '';
  for (;;) {
    const rows = await sql.query<Record<string, string | number | null>>(
      `SELECT r."id", v."version", to_char(r."day", 'YYYY-MM-DD') AS "day", r."channel"${columns.length ? `, ${columns.join(', ')}` : ''}
       FROM "epn_response" r JOIN "epn_survey_version" v ON v."id" = r."versionId"
       WHERE r."surveyId" = $1 AND r."id" > $2 ORDER BY r."id" LIMIT $3`,
      [surveyId, after, batch, ...questions.map((q) => q.id)]
    );
    if (rows.length === 0) return;
    yield rows.map((r) => [
      String(r.id),
      Number(r.version),
      r.day === null ? null : String(r.day),
      String(r.channel),
      ...questions.map((_, i) => {
        const v = r[`c${i}`];
        if (v === null || v === undefined || v === '') return null;
        return numeric[i] && Number.isFinite(Number(v)) ? Number(v) : String(v);
      })
    ]);
    after = String(rows[rows.length - 1]!.id);
    if (rows.length < batch) return;
  }
}

/** The number of responses to a survey (the total shown while a long export runs). */
export async function responseCount(db: Db, surveyId: string): Promise<number> {
  const [row] = await sqlOf(db).query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "epn_response" WHERE "surveyId" = $1`, [surveyId]);
  return row?.n ?? 0;
}

/** An XLSX sheet holds 1,048,576 rows: larger exports continue on "responses (2)", "responses (3)", … */
export const XLSX_ROWS_PER_SHEET = 1_000_000;

/**
 * The responses as an XLSX workbook, streamed (exceljs's streaming writer: rows are written and dropped
 * as they come, inline strings, no shared-string table), with a codebook sheet at the end. Text stays
 * text: a cell is never a formula, whatever it starts with.
 */
export function responsesXlsx({ db, surveyId, questions, onProgress, rowsPerSheet = XLSX_ROWS_PER_SHEET }: { db: Db; surveyId: string; questions: Question[]; onProgress?: (done: number) => Promise<void> | void; rowsPerSheet?: number }): AsyncIterable<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const header = [...FIXED, ...questions.map((q) => q.id)];
  const write = async () => {
    let sheet: ExcelJS.Worksheet | null = null;
    let sheetNo = 0;
    let inSheet = 0;
    let done = 0;
    const newSheet = () => {
      sheet?.commit();
      sheetNo++;
      sheet = workbook.addWorksheet(sheetNo === 1 ? 'responses' : `responses (${sheetNo})`);
      sheet.addRow(header).commit();
      inSheet = 0;
    };
    newSheet();
    for await (const rows of responseBatches({ db, surveyId, questions })) {
      for (const row of rows) {
        if (inSheet === rowsPerSheet) newSheet();
        sheet!.addRow(row).commit();
        inSheet++;
      }
      done += rows.length;
      await onProgress?.(done);
    }
    (sheet as ExcelJS.Worksheet | null)?.commit();
    const book = workbook.addWorksheet('codebook');
    book.addRow(['question', 'type', 'meaning', 'required', 'shown_if', 'choice', 'label_fr', 'label_nl', 'label_en']).commit();
    for (const q of codebook(questions)) {
      book.addRow([q.name, q.type, q.meaning, q.required ? 'yes' : 'no', q.shownIf ?? '', '', q.label.fr ?? '', q.label.nl ?? '', q.label.en ?? '']).commit();
      for (const c of q.choices) book.addRow([q.name, '', '', '', '', c.value, c.label.fr ?? '', c.label.nl ?? '', c.label.en ?? '']).commit();
    }
    book.commit();
    await workbook.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** A text cell that a spreadsheet would run as a formula gets a leading ', in SQL (same rule as safeCell). */
const safeSql = (x: string) => `CASE WHEN left(${x}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${x} ELSE ${x} END`;

/** The SELECT behind the PostgreSQL export (also used by the benchmark to compare with psql's \copy). */
export function responsesSelect(surveyId: string, questions: Question[], literal: (value: string) => string): string {
  const columns = questions.map((q) => {
    const value =
      q.type === 'multiple'
        ? `array_to_string(ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(r."answers" -> ${literal(q.id)}) = 'array' THEN r."answers" -> ${literal(q.id)} ELSE '[]'::jsonb END)), ' ')`
        : `(r."answers" ->> ${literal(q.id)})`;
    return `${safeSql(value)} AS "${q.id.replace(/"/g, '""')}"`;
  });
  return `SELECT r."id" AS "response_id", v."version" AS "survey_version", to_char(r."day", 'YYYY-MM-DD') AS "day", r."channel" AS "channel"${columns.length ? `, ${columns.join(', ')}` : ''}
      FROM "epn_response" r JOIN "epn_survey_version" v ON v."id" = r."versionId"
      WHERE r."surveyId" = ${literal(surveyId)} ORDER BY r."id"`;
}

/**
 * On PostgreSQL: the same file made by the database itself (COPY … TO STDOUT, CSV), streamed as it comes.
 * Values reach the COPY statement as quoted literals (COPY takes no parameters); question ids are
 * validated names and are quoted as identifiers too.
 */
async function* copyResponses(copyOut: NonNullable<Sql['copyOut']>, surveyId: string, questions: Question[]): AsyncGenerator<string> {
  yield '\uFEFF';
  const decoder = new TextDecoder();
  const chunks = copyOut((literal) => `COPY (${responsesSelect(surveyId, questions, literal)}) TO STDOUT WITH (FORMAT csv, HEADER true)`);
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

const TYPE: Record<Question['type'], { frictionless: string; meaning: string }> = {
  single: { frictionless: 'string', meaning: 'one code from the choices' },
  multiple: { frictionless: 'string', meaning: 'codes from the choices, separated by spaces' },
  scale: { frictionless: 'integer', meaning: '1 (not at all) to 5 (completely)' },
  number: { frictionless: 'number', meaning: 'a number' },
  short_text: { frictionless: 'string', meaning: 'free text (up to 200 characters)' },
  long_text: { frictionless: 'string', meaning: 'free text (up to 3,000 characters)' },
  date: { frictionless: 'date', meaning: 'a date, YYYY-MM-DD' },
  commune: { frictionless: 'string', meaning: 'NIS code of a Brussels commune, or "outside"' },
  age_band: { frictionless: 'string', meaning: 'Statbel age band' },
  note: { frictionless: 'string', meaning: 'information text, no answer' }
};

/** The codebook: one row per question and choice, with the labels in FR/NL/EN. */
export function codebook(questions: Question[]) {
  return questions.map((q) => ({
    name: q.id,
    type: q.type,
    meaning: TYPE[q.type].meaning,
    required: q.required,
    label: Object.fromEntries(LANGS.map((l) => [l, label(q.label, l)])),
    shownIf: q.showIf ? q.showIf.conditions.map((c) => `${c.question} ${c.op}${c.value === undefined ? '' : ` ${c.value}`}`).join(q.showIf.mode === 'any' ? ' or ' : ' and ') : null,
    choices: choicesOf(q).map((value) => ({ value, label: Object.fromEntries(LANGS.map((l) => [l, q.choices ? label(q.choices.find((c) => c.value === value)?.label, l) : value])) }))
  }));
}

export function codebookCsv(questions: Question[]): string {
  const rows: string[][] = [['question', 'type', 'meaning', 'required', 'shown_if', 'choice', 'label_fr', 'label_nl', 'label_en']];
  for (const q of codebook(questions)) {
    rows.push([q.name, q.type, q.meaning, q.required ? 'yes' : 'no', q.shownIf ?? '', '', q.label.fr ?? '', q.label.nl ?? '', q.label.en ?? '']);
    for (const c of q.choices) rows.push([q.name, '', '', '', '', c.value, c.label.fr ?? '', c.label.nl ?? '', c.label.en ?? '']);
  }
  return `\uFEFF${stringify(rows.map((r) => r.map(safeCell)))}`;
}

/** A Frictionless data package describing responses.csv and codebook.csv. */
export function responsesDataPackage({ code, title, questions }: { code: string; title: string; questions: Question[] }) {
  return {
    profile: 'tabular-data-package',
    name: `passerelle-survey-${code.toLowerCase()}`,
    title,
    description: 'Anonymous responses to a Passerelle visitor survey. No name, account, IP address, user agent or time of day is collected. Free-text answers were written by visitors who were asked not to type names.',
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    resources: [
      {
        name: 'responses',
        path: 'responses.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          primaryKey: 'response_id',
          fields: [
            { name: 'response_id', type: 'string', description: 'Random identifier of the response' },
            { name: 'survey_version', type: 'integer', description: 'Version of the survey the response answered' },
            { name: 'day', type: 'date', description: 'Day of the response (Europe/Brussels); no time is kept' },
            { name: 'channel', type: 'string', description: 'link (public link or QR code) or kiosk (tablet at the EPN desk)', constraints: { enum: ['link', 'kiosk'] } },
            ...questions.map((q) => ({ name: q.id, type: q.type === 'multiple' ? 'string' : TYPE[q.type].frictionless, title: label(q.label, 'en'), description: `${TYPE[q.type].meaning}. FR: ${label(q.label, 'fr')} / NL: ${label(q.label, 'nl')}`, ...(q.type !== 'multiple' && choicesOf(q).length ? { constraints: { enum: [...choicesOf(q)] } } : {}) }))
          ]
        }
      },
      { name: 'codebook', path: 'codebook.csv', profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' }
    ]
  };
}
