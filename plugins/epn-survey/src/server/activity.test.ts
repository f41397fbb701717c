import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { recordActivity } from '../services/activity.ts';
import { organisation, person, placeFields, refusal } from '../test-support.ts';

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
});
