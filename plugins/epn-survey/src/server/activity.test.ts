import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { describeError } from '@passerelle/trpc';
import { t } from '@passerelle/i18n';
import { failure } from '@passerelle/plugin-sdk/forms';
import { explained, monthFromForm, renameMonth } from '../routes/activity-form.ts';
import { recordActivity } from '../services/activity.ts';
import { callerFor, organisation, person, placeFields, refusal } from '../test-support.ts';

const session = (extra: Record<string, unknown> = {}) => ({ date: '2026-11-20', sessionType: 'individual' as const, durationMinutes: 45, location: 'epn' as const, topics: ['online_admin' as const], attendees: { '65-74': { woman: 1 } }, ...extra });

describeEachDb('epn-survey: activity reports', ({ getDb }) => {
  it('a member records a session and a month; the list shows who entered each record and when', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { displayName: 'Ana Lopes', memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id: placeId } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Anneessens') });
    await ana.caller.activity.record({ organisationId: org.id, activity: session({ placeId }) });
    await ana.caller.activity.record({ organisationId: org.id, activity: { kind: 'monthly', date: '2026-10-01', sessionType: 'group', sessions: 12, durationMinutes: 1440, location: 'epn', attendees: { '16-24': { woman: 10, man: 8 }, '75+': { other: 1 } } } });
    const list = await ana.caller.activity.list({});
    expect(list.records.map((r) => [r.date, r.kind, r.attendeeCount, r.place, r.enteredBy])).toEqual([
      ['2026-11-20', 'session', 1, 'EPN Anneessens', 'Ana Lopes'],
      ['2026-10-01', 'monthly', 19, null, 'Ana Lopes']
    ]);
    expect(list.records[0]!.enteredAt).toBeInstanceOf(Date);
  });

  it('bad reports are refused field by field and nothing is stored', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    for (const bad of [{ date: '2026-02-30' }, { durationMinutes: 0 }, { attendees: {} }, { attendees: { '16-24': { woman: -1 } } }, { location: 'moon' }, { kind: 'monthly', date: '2026-10-15' }, { attendees: { '25-34': { woman: 5 } } }]) {
      expect((await refusal(ana.caller.activity.record({ organisationId: org.id, activity: session(bad) as never }))).code).toBe('BAD_REQUEST');
    }
    // What the month form sends when its number boxes hold text: each field is named, and the page
    // explains each one in the member's language.
    const form = new FormData();
    for (const [name, value] of Object.entries({ month: '2026-10', individualSessions: 'a few', groupSessions: '', hours: 'lots', 'topic.email': 'y', 'a.16-24.man': 'z' })) form.set(name, value);
    const unreadable = await refusal(ana.caller.activity.record({ organisationId: org.id, activity: monthFromForm(form) }));
    expect(Object.keys(describeError(unreadable).fieldErrors ?? {}).sort()).toEqual(['activity.attendees.16-24.man', 'activity.durationMinutes', 'activity.sessions', 'activity.topicSessions.email']);
    const page = explained(failure(unreadable, form, 'nl', { rename: renameMonth }), form, 'nl', 'monthly');
    const nl = (key: string) => t(key, undefined, { locale: 'nl' });
    expect(page.data.errors).toEqual({ individualSessions: nl('epn_survey_error_sessions_individualSessions'), hours: nl('epn_survey_error_duration_hours'), 'topic.email': nl('epn_survey_error_topic_sessions'), attendees: nl('epn_survey_error_count') });
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("organisation B cannot record for A, use A's place, list or delete A's records", async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'A'), await organisation(db, 'B')];
    const memberA = await person(db, { memberships: [{ organisationId: a.id, role: 'member' }] });
    const memberB = await person(db, { memberships: [{ organisationId: b.id, role: 'member' }] });
    const { id: placeA } = await memberA.caller.place.create({ organisationId: a.id, place: placeFields('EPN A') });
    const { id } = await memberA.caller.activity.record({ organisationId: a.id, activity: session() });
    expect((await refusal(memberB.caller.activity.record({ organisationId: a.id, activity: session() }))).code).toBe('FORBIDDEN');
    expect((await refusal(memberB.caller.activity.record({ organisationId: b.id, activity: session({ placeId: placeA }) }))).code).toBe('BAD_REQUEST');
    expect((await refusal(memberB.caller.activity.list({ organisationId: a.id }))).code).toBe('FORBIDDEN');
    expect((await memberB.caller.activity.list({})).records).toEqual([]);
    expect((await refusal(memberB.caller.activity.remove({ id }))).code).toBe('FORBIDDEN');
    const citizen = await person(db);
    expect((await refusal(citizen.caller.activity.list({}))).code).toBe('FORBIDDEN');
    await memberA.caller.activity.remove({ id });
    expect(await db.auditLog.count({ where: { action: 'epn-survey.activity.delete', targetId: id } })).toBe(1);
  });

  it('another plugin recording the same session twice (even in parallel) leaves one record, updated', async () => {
    const db = getDb();
    const org = await organisation(db);
    const trainer = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const input = { placeId: null, kind: 'session' as const, sessions: 1, referrals: [], note: '', ...session({ location: 'mobile', sessionType: 'group', attendees: { '75+': { woman: 6, man: 2 } } }) };
    await Promise.all([1, 2, 3].map(() => recordActivity({ db, actor: trainer.actor, organisationId: org.id, input: input as never, source: 'mobile-epn', externalRef: 'mobile-epn:session:s1' })));
    await recordActivity({ db, actor: trainer.actor, organisationId: org.id, input: { ...input, attendees: { '75+': { woman: 7, man: 2 } } } as never, source: 'mobile-epn', externalRef: 'mobile-epn:session:s1' });
    const rows = await db.epnActivity.findMany({ where: { externalRef: 'mobile-epn:session:s1' } });
    expect(rows.map((r) => [r.attendeeCount, r.location, r.source])).toEqual([[9, 'mobile', 'mobile-epn']]);
  });

  it('a member corrects and deletes records of their organisation, audited; the list says who entered and who corrected each one', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { displayName: 'Ana Lopes', memberships: [{ organisationId: org.id, role: 'member' }] });
    const ben = await person(db, { displayName: 'Ben Claes', memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id } = await ana.caller.activity.record({ organisationId: org.id, activity: session() });
    const editing = await ben.caller.activity.forEditing({ id });
    expect(editing).toMatchObject({ kind: 'session', date: '2026-11-20', durationMinutes: 45, topics: ['online_admin'], enteredBy: 'Ana Lopes' });
    await ben.caller.activity.update({ id, activity: session({ durationMinutes: 60, attendees: { '65-74': { woman: 1, man: 1 } } }) });
    const [row] = (await ana.caller.activity.list({})).records;
    expect([row!.durationMinutes, row!.attendeeCount, row!.source, row!.enteredBy, row!.correctedBy]).toEqual([60, 2, 'form', 'Ana Lopes', 'Ben Claes']);
    expect(row!.correctedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: 'epn-survey.activity.update', targetId: id, actorId: ben.actor.id } })).toBe(1);
    // A session stays a session; a month's totals cannot be moved onto another month's totals.
    expect((await refusal(ben.caller.activity.update({ id, activity: { ...session(), kind: 'monthly', date: '2026-11-01' } }))).code).toBe('BAD_REQUEST');
    const month = (date: string) => ({ kind: 'monthly' as const, date, sessions: 4, durationMinutes: 240, location: 'epn' as const, attendees: { '16-24': { man: 4 } } });
    await ana.caller.activity.record({ organisationId: org.id, activity: month('2026-09-01') });
    const { id: october } = await ana.caller.activity.record({ organisationId: org.id, activity: month('2026-10-01') });
    const clash = await refusal(ana.caller.activity.update({ id: october, activity: month('2026-09-01') }));
    expect(clash.code).toBe('BAD_REQUEST');
    await ana.caller.activity.update({ id: october, activity: month('2026-08-01') });
    expect((await db.epnActivity.findUniqueOrThrow({ where: { id: october } })).date.toISOString().slice(0, 10)).toBe('2026-08-01');
    await ben.caller.activity.remove({ id });
    expect(await db.epnActivity.count({ where: { id } })).toBe(0);
  });

  it('a CSV import is checked by one call and stored by another; the records say they were imported and by whom', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { displayName: 'Ana Lopes', memberships: [{ organisationId: org.id, role: 'member' }] });
    const file = new TextEncoder().encode('date;session_type;duration_minutes;location;woman_65_74\r\n2026-02-03;individual;30;epn;1\r\n03/02/2026;individual;30;epn;1\r\n');
    expect(await ana.caller.activity.checkImport({ organisationId: org.id, file })).toMatchObject({ rows: 2, errorCount: 0, created: 2, stored: false });
    expect(await db.epnActivity.count({ where: { organisationId: org.id } })).toBe(0);
    expect(await ana.caller.activity.importFile({ organisationId: org.id, file })).toMatchObject({ created: 2, stored: true });
    expect(await ana.caller.activity.importFile({ organisationId: org.id, file })).toMatchObject({ created: 0, unchanged: 2, stored: true });
    const records = (await ana.caller.activity.list({})).records;
    expect(records.map((r) => [r.date, r.source, r.enteredBy])).toEqual([
      ['2026-02-03', 'import', 'Ana Lopes'],
      ['2026-02-03', 'import', 'Ana Lopes']
    ]);
    expect(await ana.caller.activity.exportFile({ organisationId: org.id })).toMatchObject({ organisationId: org.id });
  });

  it("correcting, importing and exporting are refused to citizens, to strangers and for another organisation's records", async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'A'), await organisation(db, 'B')];
    const memberA = await person(db, { memberships: [{ organisationId: a.id, role: 'member' }] });
    const memberB = await person(db, { memberships: [{ organisationId: b.id, role: 'member' }] });
    const citizen = await person(db);
    const anonymous = callerFor(db, null);
    const { id } = await memberA.caller.activity.record({ organisationId: a.id, activity: session() });
    const file = new TextEncoder().encode('date,session_type,duration_minutes,location,woman_65_74\n2026-02-03,individual,30,epn,1\n');
    for (const caller of [memberB.caller, citizen.caller]) {
      expect((await refusal(caller.activity.forEditing({ id }))).code).toBe('FORBIDDEN');
      expect((await refusal(caller.activity.update({ id, activity: session({ durationMinutes: 90 }) }))).code).toBe('FORBIDDEN');
      expect((await refusal(caller.activity.checkImport({ organisationId: a.id, file }))).code).toBe('FORBIDDEN');
      expect((await refusal(caller.activity.importFile({ organisationId: a.id, file }))).code).toBe('FORBIDDEN');
      expect((await refusal(caller.activity.exportFile({ organisationId: a.id }))).code).toBe('FORBIDDEN');
    }
    expect((await refusal(anonymous.activity.checkImport({ organisationId: a.id, file }))).code).toBe('UNAUTHORIZED');
    expect((await refusal(anonymous.activity.importFile({ organisationId: a.id, file }))).code).toBe('UNAUTHORIZED');
    expect((await db.epnActivity.findUniqueOrThrow({ where: { id } })).durationMinutes).toBe(45);
    expect(await db.epnActivity.count({ where: { organisationId: a.id } })).toBe(1);
    // Staff act for every organisation.
    const staff = await person(db, { roles: ['staff'] });
    expect(await staff.caller.activity.checkImport({ organisationId: b.id, file })).toMatchObject({ created: 1 });
  });
});
