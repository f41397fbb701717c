import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { t } from '@passerelle/i18n';
import { describeError, type Bridges, type MobileActivity } from '@passerelle/trpc';
import { callerFor, person, organisation, refusal, session, trainer, venue } from '../test-support.ts';

const HOUR = 3_600_000;

/** A stand-in for epn-survey's bridge that remembers what it was given (the real one: packages/api/src/bridges.test.ts). */
function recordingBridge() {
  const calls: { actorId: string; activity: MobileActivity }[] = [];
  const bridges: Bridges = {
    recordMobileActivity: async ({ actor, activity }) => {
      calls.push({ actorId: actor.id, activity });
      return { id: `activity-${calls.length}` };
    }
  };
  return { calls, bridges };
}

describeEachDb('mobile-epn: attendance', ({ getDb }) => {
  async function setup(opts: { startsAt?: Date; group?: boolean } = {}) {
    const db = getDb();
    const org = await organisation(db);
    const bridge = recordingBridge();
    const tr = await trainer(db, org.id);
    const v = await venue(db, {});
    // Tuesday-ish past session: started two hours ago, 90 minutes long.
    const s = await session(db, { venueId: v.id, trainerIds: [tr.trainer.id], startsAt: opts.startsAt ?? new Date(Date.now() - 2 * HOUR), minutes: 90, seats: 3, group: opts.group ?? true, topic: 'smartphone' });
    const known = await db.mobileRegistration.create({ data: { sessionId: s.id, name: 'Anne', ageBand: '75+', gender: 'woman', status: 'registered', queuedAt: new Date(Date.now() - 9 * HOUR) } });
    const unknown = await db.mobileRegistration.create({ data: { sessionId: s.id, name: 'Bob', status: 'registered', queuedAt: new Date(Date.now() - 8 * HOUR) } });
    const absent = await db.mobileRegistration.create({ data: { sessionId: s.id, name: 'Carla', status: 'registered', queuedAt: new Date(Date.now() - 7 * HOUR) } });
    const trainerCaller = callerFor(db, tr.actor, { bridges: bridge.bridges });
    return { db, org, tr, v, s, known, unknown, absent, bridge, trainerCaller };
  }

  it('the assigned trainer records attendance; it becomes one activity report, corrected when recorded again', async () => {
    const { db, org, tr, s, known, unknown, absent, bridge, trainerCaller } = await setup();
    const form = await trainerCaller.attendance.get({ sessionId: s.id });
    expect(form.registrations.map((r) => r.name)).toEqual(['Anne', 'Bob', 'Carla']);
    expect(form).toMatchObject({ started: true, reportAvailable: true, recorded: null });

    const first = await trainerCaller.attendance.record({
      sessionId: s.id,
      attendance: { present: [{ registrationId: known.id }, { registrationId: unknown.id, ageBand: '65-74', gender: 'man' }], walkIns: { '65-74': { woman: 2 }, '75+': { woman: 1 } }, topics: ['smartphone', 'email'], note: 'Bonne ambiance.' }
    });
    expect(first).toMatchObject({ present: 2, walkIns: 3, total: 5, activity: 'sent', activityId: 'activity-1' });
    expect(bridge.calls).toHaveLength(1);
    expect(bridge.calls[0]!.activity).toEqual({
      externalRef: `mobile-epn:session:${s.id}`,
      organisationId: org.id,
      date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(s.startsAt),
      durationMinutes: 90,
      sessionType: 'group',
      topics: ['email', 'smartphone'],
      attendees: { '65-74': { woman: 2, man: 1 }, '75+': { woman: 2 } },
      note: 'Bonne ambiance.'
    });
    const regs = await db.mobileRegistration.findMany({ where: { sessionId: s.id }, orderBy: { queuedAt: 'asc' } });
    expect(regs.map((r) => [r.name, r.attended, r.ageBand, r.gender])).toEqual([
      ['Anne', true, '75+', 'woman'],
      ['Bob', true, '65-74', 'man'],
      ['Carla', false, null, null]
    ]);
    const stored = await db.mobileSession.findUniqueOrThrow({ where: { id: s.id } });
    expect(stored).toMatchObject({ attendanceById: tr.actor.id, walkIns: { '65-74': { woman: 2 }, '75+': { woman: 1 } }, topicsCovered: ['email', 'smartphone'], attendanceNote: 'Bonne ambiance.' });

    // Recorded again: Bob was not there after all, Carla was. Same reference: a correction, not a second report.
    const second = await trainerCaller.attendance.record({ sessionId: s.id, attendance: { present: [{ registrationId: known.id }, { registrationId: absent.id, ageBand: '55-64', gender: 'other' }], walkIns: {}, topics: ['smartphone'], note: '' } });
    expect(second).toMatchObject({ total: 2, activity: 'sent' });
    expect(bridge.calls).toHaveLength(2);
    expect(bridge.calls[1]!.activity.externalRef).toBe(bridge.calls[0]!.activity.externalRef);
    expect(bridge.calls[1]!.activity.attendees).toEqual({ '55-64': { other: 1 }, '75+': { woman: 1 } });
    expect((await db.mobileRegistration.findUniqueOrThrow({ where: { id: unknown.id } })).attended).toBe(false);
    expect(await db.auditLog.count({ where: { targetId: s.id, action: 'mobile-epn.attendance.correct' } })).toBe(1);
    const again = await trainerCaller.attendance.get({ sessionId: s.id });
    expect(again.recorded).toMatchObject({ walkIns: {}, topics: ['smartphone'], note: '' });
  });

  it('explains missing age bands and genders and bad counts, in each language, and changes nothing', async () => {
    const { db, s, unknown, bridge, trainerCaller } = await setup();
    const e = await refusal(trainerCaller.attendance.record({ sessionId: s.id, attendance: { present: [{ registrationId: unknown.id }], walkIns: {}, topics: [], note: '' } }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(describeError(e).fieldErrors).toEqual({ [`present.${unknown.id}.ageBand`]: 'mobile_epn_att_error_age_band', [`present.${unknown.id}.gender`]: 'mobile_epn_att_error_gender' });
    const bad = await refusal(trainerCaller.attendance.record({ sessionId: s.id, attendance: { walkIns: { '65-74': { woman: -1 } }, topics: ['knitting'], note: 'x'.repeat(501) } }));
    expect(Object.values(describeError(bad).fieldErrors ?? {}).sort()).toEqual(['mobile_epn_att_error_count', 'mobile_epn_att_error_note', 'mobile_epn_att_error_topic']);
    for (const key of ['mobile_epn_att_error_age_band', 'mobile_epn_att_error_count', 'mobile_epn_att_error_note'])
      expect(new Set(['fr', 'nl', 'en'].map((locale) => t(key, undefined, { locale }))).size).toBe(3);
    const stored = await db.mobileSession.findUniqueOrThrow({ where: { id: s.id } });
    expect([stored.attendanceAt, stored.walkIns, stored.topicsCovered]).toEqual([null, null, []]);
    expect(await db.mobileRegistration.count({ where: { sessionId: s.id, attended: { not: null } } })).toBe(0);
    expect(bridge.calls).toEqual([]);
  });

  it('only after the session started; zero attendees is stored without a report; without epn-survey the attendance is kept', async () => {
    const db = getDb();
    const later = await setup({ startsAt: new Date(Date.now() + HOUR) });
    const e = await refusal(later.trainerCaller.attendance.record({ sessionId: later.s.id, attendance: {} }));
    expect([e.code, describeError(e).messageKey]).toEqual(['CONFLICT', 'mobile_epn_att_error_not_started']);
    expect((await later.trainerCaller.attendance.get({ sessionId: later.s.id })).started).toBe(false);

    const { s, bridge, trainerCaller, tr } = await setup();
    expect(await trainerCaller.attendance.record({ sessionId: s.id, attendance: { topics: ['basics'] } })).toMatchObject({ total: 0, activity: 'no_attendees' });
    expect(bridge.calls).toEqual([]);
    expect((await db.mobileSession.findUniqueOrThrow({ where: { id: s.id } })).attendanceAt).toBeInstanceOf(Date);

    const noSurvey = callerFor(db, tr.actor);
    expect((await noSurvey.attendance.get({ sessionId: s.id })).reportAvailable).toBe(false);
    expect(await noSurvey.attendance.record({ sessionId: s.id, attendance: { walkIns: { '25-34': { man: 1 } } } })).toMatchObject({ total: 1, activity: 'unavailable' });
    expect((await db.mobileSession.findUniqueOrThrow({ where: { id: s.id } })).walkIns).toEqual({ '25-34': { man: 1 } });
  });

  it('other trainers and citizens are refused; a coordinator records for the first assigned trainer organisation', async () => {
    const { db, org, s, bridge } = await setup();
    const otherOrg = await organisation(db);
    const other = await trainer(db, otherOrg.id);
    const citizen = await person(db);
    for (const c of [callerFor(db, other.actor), citizen.caller]) {
      expect((await refusal(c.attendance.get({ sessionId: s.id }))).code).toBe('FORBIDDEN');
      expect((await refusal(c.attendance.record({ sessionId: s.id, attendance: { walkIns: { '25-34': { man: 1 } } } }))).code).toBe('FORBIDDEN');
    }
    const staff = await person(db, { roles: ['staff'] });
    const coordinator = callerFor(db, staff.actor, { bridges: bridge.bridges });
    expect(await coordinator.attendance.record({ sessionId: s.id, attendance: { walkIns: { '25-34': { man: 1 } } } })).toMatchObject({ activity: 'sent' });
    expect(bridge.calls[0]).toMatchObject({ actorId: staff.actor.id, activity: { organisationId: org.id } });
    expect(await db.auditLog.count({ where: { targetId: s.id, actorId: staff.actor.id } })).toBe(1);

    const cancelled = await session(db, { venueId: s.venueId, trainerIds: [], startsAt: new Date(Date.now() - HOUR) });
    await db.mobileSession.update({ where: { id: cancelled.id }, data: { status: 'cancelled' } });
    expect(describeError(await refusal(coordinator.attendance.record({ sessionId: cancelled.id, attendance: {} }))).messageKey).toBe('mobile_epn_att_error_cancelled');
  });
});
