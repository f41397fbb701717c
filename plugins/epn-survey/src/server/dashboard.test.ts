import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import type { Cell } from '../services/suppression.ts';
import { callerFor, organisation, person, placeFields, refusal } from '../test-support.ts';

const shown = (c: Cell) => ('value' in c ? c.value : 'hidden');

describeEachDb('epn-survey: dashboards with small-cell suppression', ({ getDb }) => {
  it('activity per month, topic, age and commune; visitor profiles hide every small cell; region for staff and researchers only', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id: placeId } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Dashboard', { communeNis: '21015' }) });
    const base = { placeId, sessionType: 'group' as const, durationMinutes: 120, location: 'epn' as const };
    await ana.caller.activity.record({ organisationId: org.id, activity: { ...base, date: '2026-03-10', topics: ['email', 'safety'], attendees: { '65-74': { woman: 4, man: 2 } } } });
    await ana.caller.activity.record({ organisationId: org.id, activity: { ...base, date: '2026-03-24', topics: ['email'], attendees: { '75+': { woman: 3 } } } });
    await ana.caller.activity.record({ organisationId: org.id, activity: { ...base, date: '2025-12-01', attendees: { '16-24': { man: 9 } } } });

    // 35 visitor-profile responses: 20 aged 65–74, 12 aged 75+, 3 aged 25–34. The 3 is a small cell; the
    // 12 is hidden too, or "35 − 20 = 15 hidden" would be "3 plus zeros": 12 + 3 hold at least the threshold.
    const { id: surveyId, code } = await ana.caller.survey.create({ organisationId: org.id, fromTemplate: true });
    await ana.caller.survey.publish({ id: surveyId });
    const ages = [...Array(20).fill('65-74'), ...Array(12).fill('75+'), '25-34', '25-34', '25-34'];
    const version = await db.epnSurveyVersion.findFirstOrThrow({ where: { surveyId } });
    await db.epnResponse.createMany({ data: ages.map((age) => ({ surveyId, versionId: version.id, channel: 'link', answers: { age_band: age, devices: age === '65-74' ? ['smartphone'] : ['none'] }, day: new Date('2026-05-02T00:00:00Z') })) });
    expect(code).toBeTruthy();

    const d = await ana.caller.dashboard.workspace({ year: 2026 });
    expect(d.activity.totals).toEqual({ sessions: 2, people: 9 });
    expect(d.activity.months.find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', sessions: 2, people: 9, hours: 4 });
    expect(d.activity.topics).toEqual([{ topic: 'email', sessions: 2 }, { topic: 'safety', sessions: 1 }]);
    expect(d.activity.communes).toMatchObject([{ nis: '21015', sessions: 2, people: 9 }]);
    const age = d.profile.questions.find((q) => q.id === 'age_band')!;
    const byBand = Object.fromEntries(age.rows.map((r) => [r.value, shown(r.count)]));
    expect(byBand['65-74']).toBe(20);
    expect(byBand['75+']).toBe('hidden');
    expect(byBand['25-34']).toBe('hidden');
    expect(shown(age.total)).toBe(35);
    // No shown figure is under the threshold, and no hidden one is total minus the shown ones.
    for (const q of d.profile.questions) {
      for (const r of q.rows) if ('value' in r.count) expect(r.count.value).toBeGreaterThanOrEqual(d.threshold);
      const hidden = q.rows.filter((r) => !('value' in r.count)).length;
      if (!q.multiple && 'value' in q.total) expect(hidden === 0 || hidden >= 2).toBe(true);
    }
    expect(shown(d.profile.responses)).toBe(35);

    const researcher = await person(db, { roles: ['researcher'] });
    const region = await researcher.caller.dashboard.region({ year: 2026 });
    expect(region.activity.totals.people).toBeGreaterThanOrEqual(9);
    expect(region.placesByCommune['21015']).toBeGreaterThanOrEqual(1);
    expect((await refusal(ana.caller.dashboard.region({ year: 2026 }))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db, null).dashboard.region({ year: 2026 }))).code).toBe('UNAUTHORIZED');

    const other = await organisation(db, 'Other');
    expect((await refusal(ana.caller.dashboard.workspace({ year: 2026, organisationId: other.id }))).code).toBe('FORBIDDEN');
    // One EPN's dashboard: its own records only; another organisation's EPN is refused.
    const { id: second } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Second') });
    await ana.caller.activity.record({ organisationId: org.id, activity: { ...base, placeId: second, date: '2026-04-02', attendees: { '35-44': { man: 4 } } } });
    expect((await ana.caller.dashboard.workspace({ year: 2026, placeId: second })).activity.totals).toEqual({ sessions: 1, people: 4 });
    expect((await ana.caller.dashboard.workspace({ year: 2026 })).activity.totals).toEqual({ sessions: 3, people: 13 });
    const stranger = await person(db, { memberships: [{ organisationId: other.id, role: 'member' }] });
    expect((await refusal(stranger.caller.dashboard.workspace({ year: 2026, placeId: second }))).code).toBe('FORBIDDEN');
  });

  it("a month's totals count once: they stand in for that month's single sessions at the same EPN; topics count the sessions entered", async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id: p1 } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Totals') });
    const { id: p2 } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Sessions') });
    const session = (placeId: string, date: string, extra: Record<string, unknown>) => ana.caller.activity.record({ organisationId: org.id, activity: { placeId, date, sessionType: 'individual', durationMinutes: 45, location: 'epn', attendees: { '25-34': { man: 1 } }, ...extra } });
    await session(p1, '2026-03-10', { sessionType: 'group', topics: ['email'], attendees: { '65-74': { woman: 4 } } });
    await session(p1, '2026-03-20', { topics: ['safety'] });
    await session(p2, '2026-03-15', { topics: ['email'], attendees: { '35-44': { woman: 2 } } });
    await session(p1, '2026-05-02', {});
    const march = { placeId: p1, kind: 'monthly' as const, date: '2026-03-01', sessions: 10, groupSessions: 4, durationMinutes: 1800, location: 'epn' as const, topicSessions: { email: 6, banking: 3 }, attendees: { '65-74': { woman: 15, man: 5 }, '75+': { other: 5 } } };
    const first = await ana.caller.activity.record({ organisationId: org.id, activity: { ...march, attendees: { '65-74': { woman: 1 } } } });
    expect(first.coveredSessions).toBe(2);
    // Entered again: the same record is corrected, not a second one added.
    const again = await ana.caller.activity.record({ organisationId: org.id, activity: march });
    expect(again.id).toBe(first.id);
    await ana.caller.activity.record({ organisationId: org.id, activity: { placeId: p1, kind: 'monthly', date: '2026-04-01', sessions: 5, durationMinutes: 600, location: 'home', topicSessions: { email: 2 }, attendees: { '16-24': { man: 8 } } } });
    expect(await db.epnActivity.count({ where: { organisationId: org.id, kind: 'monthly' } })).toBe(2);

    const d = (await ana.caller.dashboard.workspace({ year: 2026, organisationId: org.id })).activity;
    expect(d.months.find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', sessions: 11, people: 27, hours: 30.8 });
    expect(d.months.find((m) => m.month === '2026-04')).toEqual({ month: '2026-04', sessions: 5, people: 8, hours: 10 });
    expect(d.months.find((m) => m.month === '2026-05')).toEqual({ month: '2026-05', sessions: 1, people: 1, hours: 0.8 });
    expect(d.totals).toEqual({ sessions: 17, people: 36 });
    expect(d.sessionTypes).toEqual({ individual: 13, group: 4 });
    expect(d.topics).toEqual([{ topic: 'email', sessions: 9 }, { topic: 'banking', sessions: 3 }]);
    expect(d.locations).toEqual([{ location: 'epn', sessions: 12, people: 28 }, { location: 'home', sessions: 5, people: 8 }]);
    const cell = (band: string, gender: string) => d.ages.find((a) => a.band === band && a.gender === gender)?.people;
    expect([cell('65-74', 'woman'), cell('75+', 'other'), cell('25-34', 'man'), cell('35-44', 'woman')]).toEqual([15, 5, 1, 2]);
    // One EPN's dashboard agrees with the whole organisation's.
    expect((await ana.caller.dashboard.workspace({ year: 2026, placeId: p1 })).activity.totals).toEqual({ sessions: 16, people: 34 });

    // The list says which sessions the month's totals stand in for.
    const list = await ana.caller.activity.list({ organisationId: org.id });
    const covered = list.records.filter((r) => r.coveredByMonth).map((r) => r.date);
    expect(covered.sort()).toEqual(['2026-03-10', '2026-03-20']);
  });

  it('staff set the threshold (never below 5), audited; dashboards use it', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    expect((await staff.caller.settings.get()).threshold).toBe(10);
    expect((await refusal(staff.caller.settings.setThreshold({ threshold: 4 }))).code).toBe('BAD_REQUEST');
    await staff.caller.settings.setThreshold({ threshold: 15 });
    expect((await staff.caller.settings.get()).threshold).toBe(15);
    expect((await staff.caller.dashboard.region({ year: 2026 })).threshold).toBe(15);
    expect(await db.auditLog.count({ where: { action: 'epn-survey.settings.threshold', actorId: staff.actor.id } })).toBe(1);
    const researcher = await person(db, { roles: ['researcher'] });
    expect((await refusal(researcher.caller.settings.setThreshold({ threshold: 20 }))).code).toBe('FORBIDDEN');
  });
});
