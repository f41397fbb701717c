import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { visitorProfile } from './dashboard.ts';
import { pendingResponses, rollUpResponses } from './rollup.ts';
import { callerFor, organisation, person, placeFields } from '../test-support.ts';

describeEachDb('epn-survey: visitor-profile roll-up', ({ getDb }) => {
  it('counts every response once, whether rolled up, pending or half of each, and only template surveys', async () => {
    const db = getDb();
    const org = await organisation(db);
    const ana = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id: placeId } = await ana.caller.place.create({ organisationId: org.id, place: placeFields('EPN Roll-up') });
    const { id: surveyId, code } = await ana.caller.survey.create({ organisationId: org.id, fromTemplate: true });
    await ana.caller.survey.publish({ id: surveyId });
    const version = await db.epnSurveyVersion.findFirstOrThrow({ where: { surveyId } });
    const anon = callerFor(db, null, { ip: '203.0.113.9' });
    // Through the service (one insert) and in bulk (createMany): the trigger marks both as pending.
    for (let i = 0; i < 15; i++) await anon.survey.respond({ code, answers: { age_band: i % 3 ? '65-74' : '16-24', devices: i % 2 ? ['smartphone', 'computer'] : ['none'] } });
    await db.epnResponse.createMany({ data: Array.from({ length: 25 }, (_, i) => ({ surveyId, versionId: version.id, placeId, channel: 'kiosk', answers: { age_band: '75+', gender: i % 2 ? 'woman' : 'man', devices: ['tablet'] }, day: new Date('2026-06-01T00:00:00Z') })) });
    // A survey not made from the template is consumed by the roll-up but never counted.
    const other = await ana.caller.survey.create({ organisationId: org.id, definition: { title: { fr: 'Autre' }, questions: [{ id: 'age_band', type: 'age_band', required: true, label: { fr: 'Âge' } }] } });
    await ana.caller.survey.publish({ id: other.id });
    for (let i = 0; i < 3; i++) await anon.survey.respond({ code: other.code, answers: { age_band: '16-24' } });
    expect(await pendingResponses(db)).toBe(43);

    const scope = { organisationIds: [org.id], year: 2026 };
    const read = async (placeOnly = false) => visitorProfile({ db, scope: { ...scope, placeId: placeOnly ? placeId : null }, locale: 'en', threshold: 5 });
    const live = await read();
    const livePlace = await read(true);
    expect(live.responses).toEqual({ value: 40 });
    expect(live.questions.find((q) => q.id === 'devices')!.total).toEqual({ value: 40 });

    // Half rolled up, half pending: same figures.
    const first = await rollUpResponses({ db, batch: 20 });
    expect(first).toBe(43);
    expect(await pendingResponses(db)).toBe(0);
    expect(await read()).toEqual(live);
    expect(await read(true)).toEqual(livePlace);

    // More responses after the roll-up are counted live, then rolled up into the same counts.
    for (let i = 0; i < 5; i++) await anon.survey.respond({ code, answers: { age_band: '16-24', devices: ['none'] } });
    const after = await read();
    expect(after.responses).toEqual({ value: 45 });
    expect(after).not.toEqual(live);
    expect(await rollUpResponses({ db })).toBe(5);
    expect(await read()).toEqual(after);
    const devices = after.questions.find((q) => q.id === 'devices')!;
    expect(Object.fromEntries(devices.rows.map((r) => [r.value, 'value' in r.count ? r.count.value : 'hidden']))).toMatchObject({ tablet: 25, smartphone: 7, computer: 7, none: 13 });
  });
});
