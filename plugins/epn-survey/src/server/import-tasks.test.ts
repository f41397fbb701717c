import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { registerTasks, runTask } from '@passerelle/jobs';
import { callerFor, organisation, person, placeFields, refusal } from '../test-support.ts';
import { epnSurveyTasks } from './tasks.ts';

registerTasks(epnSurveyTasks as never[]);

describeEachDb('epn-survey: imports as tasks (check, then import the same stored file)', ({ getDb }) => {
  it('sessions: the check reports and stores nothing; the import of the checked file stores it once; with progress', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const lines = Array.from({ length: 300 }, (_, i) => `2026-02-${String((i % 28) + 1).padStart(2, '0')};individual;30;epn;${(i % 3) + 1}`);
    const file = new TextEncoder().encode(`date;session_type;duration_minutes;location;woman_65_74\r\n${lines.join('\r\n')}\r\n`);

    const check = await ana.caller.activity.startImport({ organisationId: org.id, dryRun: true, file, fileName: 'sessions.csv' });
    expect(await runTask({ db, taskId: check.id })).toBe('done');
    const checked = await ana.caller.activity.importTask({ id: check.id });
    expect(checked).toMatchObject({ status: 'done', input: { organisationId: org.id, dryRun: true, fileName: 'sessions.csv' }, report: { rows: 300, errorCount: 0, created: 300, stored: false } });
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(0);
    const row = await db.task.findUniqueOrThrow({ where: { id: check.id } });
    expect(row.done).toBeGreaterThanOrEqual(200); // progress was reported as rows were read

    const run = await ana.caller.activity.startImport({ organisationId: org.id, dryRun: false, fromTask: check.id, fileName: 'sessions.csv' });
    expect(await runTask({ db, taskId: run.id })).toBe('done');
    expect((await ana.caller.activity.importTask({ id: run.id })).report).toMatchObject({ created: 300, stored: true });
    expect(await db.epnActivity.count({ where: { organisationId: org.id, source: 'import' } })).toBe(300);
    // The same checked file again: nothing new.
    const again = await ana.caller.activity.startImport({ organisationId: org.id, dryRun: false, fromTask: check.id, fileName: 'sessions.csv' });
    await runTask({ db, taskId: again.id });
    expect((await ana.caller.activity.importTask({ id: again.id })).report).toMatchObject({ created: 0, unchanged: 300, stored: true });
  });

  it("refuses another organisation, another person's checked file, and a task of another kind; a broken file fails with its report", async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'A'), await organisation(db, 'B')];
    const memberA = await person(db, { memberships: [{ organisationId: a.id, role: 'member' }] });
    const memberB = await person(db, { memberships: [{ organisationId: b.id, role: 'member' }] });
    const file = new TextEncoder().encode('date,session_type,duration_minutes,location,woman_65_74\n2026-02-03,individual,30,epn,1\n');
    expect((await refusal(memberB.caller.activity.startImport({ organisationId: a.id, dryRun: true, file, fileName: 'x.csv' }))).code).toBe('FORBIDDEN');
    expect((await refusal((await person(db)).caller.activity.startImport({ organisationId: a.id, dryRun: true, file, fileName: 'x.csv' }))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db, null).activity.importTask({ id: 'x' }))).code).toBe('UNAUTHORIZED');
    const check = await memberA.caller.activity.startImport({ organisationId: a.id, dryRun: true, file, fileName: 'x.csv' });
    expect((await refusal(memberB.caller.activity.importTask({ id: check.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(memberB.caller.activity.startImport({ organisationId: b.id, dryRun: false, fromTask: check.id, fileName: 'x.csv' }))).code).toBe('NOT_FOUND');
    expect((await refusal(memberA.caller.place.importTask({ id: check.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(memberA.caller.activity.startImport({ organisationId: a.id, dryRun: true, fileName: 'x.csv' }))).code).toBe('BAD_REQUEST');

    const broken = new TextEncoder().encode('date,session_type\n"2026-02-03,individual\n');
    const bad = await memberA.caller.activity.startImport({ organisationId: a.id, dryRun: true, file: broken, fileName: 'broken.csv' });
    await runTask({ db, taskId: bad.id });
    const view = await memberA.caller.activity.importTask({ id: bad.id });
    expect(view.status).toBe('done');
    expect(view.report!.errorCount).toBeGreaterThan(0);
    expect(await db.epnActivity.count({ where: { organisationId: a.id } })).toBe(0);
  });

  it('the directory: checked, then imported from the stored file; a member cannot import into another organisation', async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'A'), await organisation(db, 'B')];
    const memberA = await person(db, { memberships: [{ organisationId: a.id, role: 'member' }] });
    const staff = await person(db, { roles: ['staff'] });
    await staff.caller.place.create({ organisationId: b.id, place: placeFields('EPN of B') });
    const file = new TextEncoder().encode(`id,nom,adresse,code_postal,code_nis\r\n,EPN Nouveau,Rue Haute 9,1000,21004\r\n`);
    expect((await refusal(memberA.caller.place.startImport({ organisationId: b.id, format: 'csv', dryRun: true, file, fileName: 'd.csv' }))).code).toBe('FORBIDDEN');
    const check = await memberA.caller.place.startImport({ organisationId: a.id, format: 'csv', dryRun: true, file, fileName: 'd.csv' });
    await runTask({ db, taskId: check.id });
    expect((await memberA.caller.place.importTask({ id: check.id })).report).toMatchObject({ rows: 1, created: 1, stored: false });
    const run = await memberA.caller.place.startImport({ organisationId: a.id, format: 'csv', dryRun: false, fromTask: check.id, fileName: 'd.csv' });
    await runTask({ db, taskId: run.id });
    expect((await memberA.caller.place.importTask({ id: run.id })).report).toMatchObject({ created: 1, stored: true });
    expect((await memberA.caller.place.mine()).map((p) => p.name)).toEqual(['EPN Nouveau']);
  });
});
