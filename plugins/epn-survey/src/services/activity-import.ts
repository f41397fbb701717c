import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Db, Prisma } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import type { Actor } from '@passerelle/trpc';
import { requireOrganisation } from './access.ts';
import { activityColumns, canonicalAttendees, ZActivityInput, type Attendees, type ParsedActivity } from './activity.ts';
import { AGE_BANDS } from './definition.ts';
import { GENDERS, LOCATIONS, REFERRALS, SESSION_TYPES, TOPICS } from './lists.ts';
import { escapeFormula, unescapeFormula } from './place-format.ts';
import { csvProblem, openCsv, progressEvery, type CsvProblem, type Upload } from '@passerelle/plugin-sdk/upload';

// Past sessions from a spreadsheet: one row per session, checked row by row and cell by cell before
// anything is stored, then stored all together or not at all. Importing the same file again changes
// nothing: each row has a reference (its `id` column, or a fingerprint of its content), and a row
// already imported is updated, not added. The same columns serve the export of an organisation's
// sessions, so an exported file can be corrected in a spreadsheet and imported back.

export const ACTIVITY_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const ACTIVITY_IMPORT_MAX_ROWS = 5_000;
/** Errors listed in a report (the count says how many more there are). */
export const REPORT_MAX_ERRORS = 200;

/** "woman_16_24", "other_75plus": one column per age band and gender. */
export const attendeeColumn = (band: string, gender: string) => `${gender}_${band.replace('-', '_').replace('+', 'plus')}`;
export const ATTENDEE_COLUMNS = AGE_BANDS.flatMap((band) => GENDERS.map((gender) => ({ name: attendeeColumn(band, gender), band, gender })));
export const ACTIVITY_COLUMNS = ['id', 'date', 'place', 'session_type', 'duration_minutes', 'location', 'topics', ...ATTENDEE_COLUMNS.map((c) => c.name), 'referrals', 'note'] as const;
export const REQUIRED_COLUMNS = ['date', 'session_type', 'duration_minutes', 'location'] as const;
/** Between the codes of a list cell (topics, referrals), as in the directory's files. */
export const LIST_SEPARATOR = '|';

export interface ImportIssue {
  /** The spreadsheet row: the header is row 1. 0: the whole file. */
  row: number;
  /** A column name, "attendees" for the attendee columns together, '' for the whole row or file. */
  column: string;
  messageKey: string;
}

export interface ActivityImportReport {
  /** Data rows read (rows of empty cells are skipped). */
  rows: number;
  /** The first REPORT_MAX_ERRORS problems, in row order; `errorCount` counts them all. */
  errors: ImportIssue[];
  errorCount: number;
  /** What the import does (or did): meaningful only without errors. */
  created: number;
  updated: number;
  unchanged: number;
  stored: boolean;
}

type Progress = (done: number, total?: number) => void;

// ---------------------------------------------------------------------------------------------
// Reading the file

/** A row that passed: the activity, and how to find it again. */
interface ReadRow {
  row: number;
  input: ParsedActivity;
  /** The `id` cell, if any. */
  id: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const BE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** YYYY-MM-DD, or D/M/YYYY and D.M.YYYY as Belgian spreadsheets re-save dates; '' if not a day. */
function readDay(cell: string): string {
  const iso = ISO.exec(cell);
  const be = BE.exec(cell);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : be ? [be[3], be[2]!.padStart(2, '0'), be[1]!.padStart(2, '0')] : [];
  if (!y) return '';
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : '';
}

const code = <T extends string>(cell: string, allowed: readonly T[]): T | null => (allowed as readonly string[]).find((c) => c === cell.toLowerCase()) as T | undefined ?? null;

/** One row's cells → an activity, with every problem of the row (not just the first). */
function readRow(row: number, cells: Readonly<Record<string, string>>, places: PlaceLookup): { ok: true; value: ReadRow } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const fail = (column: string, messageKey: string) => issues.push({ row, column, messageKey });
  const cell = (name: string) => cells[name] ?? '';

  const id = cell('id');
  if (id.length > 64) fail('id', 'epn_survey_error_text_too_long');
  const date = readDay(cell('date'));
  if (!date) fail('date', 'epn_survey_error_date');
  let placeId: string | null = null;
  if (cell('place') !== '') {
    const found = places(cell('place'));
    if (found === 'ambiguous') fail('place', 'epn_survey_error_import_place_ambiguous');
    else if (found === null) fail('place', 'epn_survey_error_import_place');
    else placeId = found;
  }
  const sessionType = code(cell('session_type'), SESSION_TYPES);
  if (!sessionType) fail('session_type', 'epn_survey_error_session_type');
  const durationCell = cell('duration_minutes');
  const duration = /^\d{1,6}$/.test(durationCell) ? Number(durationCell) : Number.NaN;
  if (Number.isNaN(duration)) fail('duration_minutes', 'epn_survey_error_duration');
  const location = code(cell('location'), LOCATIONS);
  if (!location) fail('location', 'epn_survey_error_location');
  const list = <T extends string>(column: string, allowed: readonly T[]): T[] => {
    const found: T[] = [];
    for (const item of cell(column).split(/[|;,]/).map((x) => x.trim()).filter((x) => x !== '')) {
      const c = code(item, allowed);
      if (c) found.push(c);
      else fail(column, 'epn_survey_error_unknown_code');
    }
    return found;
  };
  const topics = list('topics', TOPICS);
  const referrals = list('referrals', REFERRALS);
  const attendees: Attendees = {};
  for (const c of ATTENDEE_COLUMNS) {
    const v = cell(c.name);
    if (v === '' || v === '0') continue;
    if (!/^\d{1,4}$/.test(v) || Number(v) > 1000) {
      fail(c.name, 'epn_survey_error_count');
      continue;
    }
    (attendees[c.band] ??= {})[c.gender] = Number(v);
  }
  const note = cell('note').replace(/\r\n?/g, '\n');
  if (issues.length > 0) return { ok: false, issues };

  const parsed = ZActivityInput.safeParse({ placeId, kind: 'session', date, sessionType, durationMinutes: duration, location, topics, attendees, referrals, note });
  if (!parsed.success) {
    const columnOf: Record<string, string> = { date: 'date', sessionType: 'session_type', durationMinutes: 'duration_minutes', location: 'location', note: 'note', attendees: 'attendees' };
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const column = columnOf[String(issue.path[0])] ?? '';
      const key = issue.message.startsWith('epn_survey_') ? issue.message : column === 'note' ? 'epn_survey_error_text_too_long' : 'epn_survey_error_import_cell';
      if (seen.has(`${column}|${key}`)) continue;
      seen.add(`${column}|${key}`);
      fail(column, key);
    }
    return { ok: false, issues };
  }
  return { ok: true, value: { row, input: parsed.data, id } };
}

type PlaceLookup = (cell: string) => string | null | 'ambiguous';

/** An EPN of the organisation by its identifier or its name (any case). */
async function placeLookup(db: Db, organisationId: string): Promise<PlaceLookup> {
  const places = await db.epnPlace.findMany({ where: { organisationId }, select: { id: true, name: true } });
  const ids = new Set(places.map((p) => p.id));
  const byName = new Map<string, string | 'ambiguous'>();
  const key = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fr');
  for (const p of places) byName.set(key(p.name), byName.has(key(p.name)) ? 'ambiguous' : p.id);
  return (cell) => (ids.has(cell) ? cell : (byName.get(key(cell)) ?? null));
}

const fileIssue = (messageKey: string, row = 0): ImportIssue => ({ row, column: '', messageKey });

/** How this import says what is wrong with a CSV file as a whole. */
const CSV_PROBLEM_KEYS: Record<CsvProblem, string> = {
  empty: 'epn_survey_error_import_empty',
  delimiter: 'epn_survey_error_csv_delimiter',
  too_big: 'epn_survey_error_activity_import_too_big',
  not_utf8: 'epn_survey_error_not_utf8',
  malformed: 'epn_survey_error_csv_malformed'
};

function checkHeader(header: string[]): ImportIssue[] {
  const known = new Set<string>(ACTIVITY_COLUMNS);
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') continue;
    if (!known.has(name)) issues.push({ row: 1, column: name, messageKey: 'epn_survey_error_csv_unknown_column' });
    else if (seen.has(name)) issues.push({ row: 1, column: name, messageKey: 'epn_survey_error_csv_duplicate_column' });
    seen.add(name);
  }
  for (const name of REQUIRED_COLUMNS) if (!seen.has(name)) issues.push({ row: 1, column: name, messageKey: 'epn_survey_error_csv_missing_column' });
  if (!ATTENDEE_COLUMNS.some((c) => seen.has(c.name))) issues.push({ row: 1, column: 'attendees', messageKey: 'epn_survey_error_csv_missing_column' });
  return issues;
}

/**
 * Reads and checks every row of the file (nothing is stored). Streaming: the file is parsed as its bytes
 * arrive, and reading stops at the first limit passed (size, rows) or at a malformed CSV.
 */
async function readFile({ upload, places, onProgress }: { upload: Upload; places: PlaceLookup; onProgress?: Progress }): Promise<{ rows: ReadRow[]; read: number; issues: ImportIssue[] }> {
  const rows: ReadRow[] = [];
  const ids = new Set<string>();
  const issues: ImportIssue[] = [];
  const progress = progressEvery(onProgress, 200);
  let read = 0;
  let row = 0;
  let header: string[] | null = null;
  try {
    const { records: parser } = await openCsv(upload, ACTIVITY_IMPORT_MAX_BYTES, { skipEmptyLines: false });
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      const cells = record.map((c) => unescapeFormula(c.trim()));
      if (header === null) {
        // Blank lines above the header are skipped.
        if (cells.every((c) => c === '')) continue;
        header = cells.map((h) => h.toLowerCase());
        const headerIssues = checkHeader(header);
        if (headerIssues.length > 0) return { rows, read, issues: headerIssues.map((i) => ({ ...i, row })) };
        continue;
      }
      if (cells.every((c) => c === '')) continue;
      read++;
      if (read > ACTIVITY_IMPORT_MAX_ROWS) return { rows, read: read - 1, issues: [fileIssue('epn_survey_error_activity_import_too_big')] };
      if (cells.slice(header.length).some((c) => c !== '')) {
        issues.push({ row, column: '', messageKey: 'epn_survey_error_csv_columns' });
        continue;
      }
      const byColumn = Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
      const result = readRow(row, byColumn, places);
      if (result.ok) rows.push(result.value);
      else issues.push(...result.issues);
      // The id is the row's reference: twice in one file, the second row would overwrite the first.
      const id = byColumn['id'] ?? '';
      if (id !== '' && ids.has(id)) issues.push({ row, column: 'id', messageKey: 'epn_survey_error_import_duplicate_id' });
      ids.add(id);
      progress(read);
    }
  } catch (e) {
    const problem = csvProblem(e);
    if (problem) return { rows: [], read, issues: [fileIssue(CSV_PROBLEM_KEYS[problem.problem], problem.row)] };
    throw e;
  }
  if (header === null) return { rows, read, issues: [fileIssue('epn_survey_error_import_empty')] };
  progress(read, undefined, true);
  return { rows, read, issues };
}

// ---------------------------------------------------------------------------------------------
// Matching rows with stored records

type Columns = ReturnType<typeof activityColumns>;

/** The content of a record, spelt one way: to tell an unchanged row, and to fingerprint rows without id. */
function contentKey(c: { date: Date; placeId: string | null; sessionType: string; durationMinutes: number; location: string; topics: string[]; attendees: unknown; referrals: string[]; note: string }): string {
  return JSON.stringify([c.date.toISOString().slice(0, 10), c.placeId, c.sessionType, c.durationMinutes, c.location, [...c.topics].sort(), canonicalAttendees(c.attendees as Attendees), [...c.referrals].sort(), c.note]);
}

const refPrefix = (organisationId: string) => `epn-survey:import:${organisationId}:`;

/**
 * A row's reference: its `id` cell, or a fingerprint of its content and of how many identical rows came
 * before it in the file (two identical sessions on one day are two sessions; importing the file again
 * gives both the same references again).
 */
function rowRefs(organisationId: string, rows: ReadRow[], columns: Columns[]): string[] {
  const occurrences = new Map<string, number>();
  return rows.map((r, i) => {
    if (r.id !== '') return `${refPrefix(organisationId)}id:${r.id}`;
    const key = contentKey(columns[i]!);
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    return `${refPrefix(organisationId)}row:${createHash('sha256').update(`${key}#${n}`).digest('hex').slice(0, 40)}`;
  });
}

interface Plan {
  creates: { columns: Columns; ref: string }[];
  updates: { id: string; columns: Columns }[];
  unchanged: number;
}

/** What storing the rows would do: records matched by their Passerelle id (an exported file) or reference. */
async function plan(db: Db, organisationId: string, rows: ReadRow[]): Promise<Plan> {
  const columns = rows.map((r) => activityColumns(r.input));
  const refs = rowRefs(organisationId, rows, columns);
  const ids = rows.map((r) => r.id).filter((id) => id !== '');
  const select = { id: true, externalRef: true, date: true, placeId: true, sessionType: true, durationMinutes: true, location: true, topics: true, attendees: true, referrals: true, note: true } as const;
  const [byId, byRef] = await Promise.all([
    ids.length ? db.epnActivity.findMany({ where: { organisationId, kind: 'session', id: { in: ids } }, select }) : [],
    db.epnActivity.findMany({ where: { externalRef: { in: refs } }, select })
  ]);
  const existingById = new Map(byId.map((r) => [r.id, r]));
  const existingByRef = new Map(byRef.map((r) => [r.externalRef!, r]));
  const result: Plan = { creates: [], updates: [], unchanged: 0 };
  rows.forEach((r, i) => {
    const c = columns[i]!;
    const existing = (r.id !== '' ? existingById.get(r.id) : undefined) ?? existingByRef.get(refs[i]!);
    if (!existing) result.creates.push({ columns: c, ref: refs[i]! });
    else if (contentKey(existing) === contentKey(c)) result.unchanged++;
    else result.updates.push({ id: existing.id, columns: c });
  });
  return result;
}

/**
 * Corrects many session records in one statement (one UPDATE per row costs ~3 ms through Prisma: a
 * file of 5,000 corrected rows would hold its transaction for 15 s).
 */
async function updateMany(tx: Prisma.TransactionClient, rows: { id: string; columns: Columns }[], actorId: string) {
  const values = rows.map(({ id, columns: c }) => ({ id, placeId: c.placeId, date: c.date.toISOString().slice(0, 10), sessionType: c.sessionType, sessions: c.sessions, groupSessions: c.groupSessions, durationMinutes: c.durationMinutes, location: c.location, topics: c.topics, attendees: c.attendees, attendeeCount: c.attendeeCount, referrals: c.referrals, note: c.note }));
  await tx.$executeRawUnsafe(
    `UPDATE "epn_activity" a SET "placeId" = v."placeId", "date" = v."date", "sessionType" = v."sessionType", "sessions" = v."sessions", "groupSessions" = v."groupSessions",
       "durationMinutes" = v."durationMinutes", "location" = v."location", "topics" = v."topics", "attendees" = v."attendees", "attendeeCount" = v."attendeeCount",
       "referrals" = v."referrals", "note" = v."note", "updatedById" = $2, "updatedAt" = now()
     FROM jsonb_to_recordset($1::jsonb) AS v("id" text, "placeId" text, "date" date, "sessionType" text, "sessions" int, "groupSessions" int, "durationMinutes" int, "location" text,
       "topics" text[], "attendees" jsonb, "attendeeCount" int, "referrals" text[], "note" text)
     WHERE a."id" = v."id" AND a."kind" = 'session'`,
    JSON.stringify(values),
    actorId
  );
}

// ---------------------------------------------------------------------------------------------
// The import

/**
 * Checks a CSV file of past sessions for an organisation and, unless `dryRun`, stores it: every row or
 * none (one transaction), audited. `onProgress(done, total?)` is called while rows are read (total
 * unknown) and while they are stored (total known), for a progress page.
 */
export async function importActivities({ db, actor, organisationId, upload, dryRun, onProgress }: { db: Db; actor: Actor; organisationId: string; upload: Upload; dryRun: boolean; onProgress?: Progress }): Promise<ActivityImportReport> {
  requireOrganisation(actor, organisationId);
  const places = await placeLookup(db, organisationId);
  const file = await readFile({ upload, places, onProgress });
  const issues = file.issues;
  const report: ActivityImportReport = { rows: file.read, errors: issues.slice(0, REPORT_MAX_ERRORS), errorCount: issues.length, created: 0, updated: 0, unchanged: 0, stored: false };
  if (issues.length > 0 || file.rows.length === 0) {
    if (issues.length === 0) report.errors = [fileIssue('epn_survey_error_import_empty')];
    report.errorCount = report.errors.length;
    return report;
  }
  const todo = await plan(db, organisationId, file.rows);
  Object.assign(report, { created: todo.creates.length, updated: todo.updates.length, unchanged: todo.unchanged });
  if (dryRun) return report;

  const total = todo.creates.length + todo.updates.length;
  const progress = progressEvery(onProgress, 100);
  let done = 0;
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < todo.creates.length; i += 500) {
        const batch = todo.creates.slice(i, i + 500);
        // skipDuplicates: a parallel import of the same file already added these rows.
        await tx.epnActivity.createMany({ data: batch.map((c) => ({ ...c.columns, organisationId, source: 'import', externalRef: c.ref, createdById: actor.id })), skipDuplicates: true });
        done += batch.length;
        progress(done, total, true);
      }
      for (let i = 0; i < todo.updates.length; i += 500) {
        const batch = todo.updates.slice(i, i + 500);
        await updateMany(tx, batch, actor.id);
        done += batch.length;
        progress(done, total, true);
      }
      await audit({ db: tx, actorId: actor.id, action: 'epn-survey.activity.import', targetType: 'organisation', targetId: organisationId, data: { rows: file.read, created: report.created, updated: report.updated, unchanged: report.unchanged } });
    },
    { timeout: 10 * 60_000, maxWait: 30_000 }
  );
  progress(total, total, true);
  report.stored = true;
  return report;
}

// ---------------------------------------------------------------------------------------------
// Export and template: the same columns

const csvOptions = { delimiter: ',', record_delimiter: 'windows', quoted_match: /[\r\n;,]/ } as const;

function sessionCells(r: { id: string; date: Date; place: string; sessionType: string; durationMinutes: number; location: string; topics: string[]; attendees: Attendees; referrals: string[]; note: string }): string[] {
  const cells: Record<string, string> = {
    id: r.id,
    date: r.date.toISOString().slice(0, 10),
    place: r.place,
    session_type: r.sessionType,
    duration_minutes: String(r.durationMinutes),
    location: r.location,
    topics: r.topics.join(LIST_SEPARATOR),
    referrals: r.referrals.join(LIST_SEPARATOR),
    note: r.note
  };
  for (const c of ATTENDEE_COLUMNS) {
    const n = (r.attendees as Record<string, Record<string, number> | undefined>)[c.band]?.[c.gender] ?? 0;
    cells[c.name] = n > 0 ? String(n) : '';
  }
  // Spreadsheets run cells that start with = + - @ as formulas: such text gets a leading apostrophe.
  return ACTIVITY_COLUMNS.map((name) => escapeFormula(cells[name] ?? ''));
}

/** The organisation's single sessions as CSV (UTF-8 with BOM), read in batches: the import's columns, `id` = the record. */
export async function* activitiesCsv({ db, actor, organisationId }: { db: Db; actor: Actor; organisationId: string }): AsyncGenerator<string> {
  requireOrganisation(actor, organisationId);
  yield `\uFEFF${stringify([[...ACTIVITY_COLUMNS]], csvOptions)}`;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.epnActivity.findMany({
      where: { organisationId, kind: 'session' },
      orderBy: { id: 'asc' },
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { place: { select: { name: true } } }
    });
    if (rows.length === 0) return;
    yield stringify(
      rows.map((r) => sessionCells({ ...r, place: r.place?.name ?? '', attendees: r.attendees as Attendees })),
      csvOptions
    );
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The template: the header and one example row (a one-to-one session at the given EPN). */
export function activityTemplateCsv(placeName = ''): string {
  const example = sessionCells({ id: '', date: new Date('2026-03-10T00:00:00Z'), place: placeName, sessionType: 'individual', durationMinutes: 45, location: 'epn', topics: ['online_admin', 'eid_itsme'], attendees: { '65-74': { woman: 1 } }, referrals: [], note: '' });
  return `\uFEFF${stringify([[...ACTIVITY_COLUMNS], example], csvOptions)}`;
}
