import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import type { SurveyDefinition } from '../services/definition.ts';
import { callerFor, organisation, person, placeFields, refusal } from '../test-support.ts';

const definition: SurveyDefinition = {
  title: { en: 'Desk survey' },
  questions: [{ id: 'happy', type: 'single', required: true, label: { en: 'Happy?' }, choices: [{ value: 'yes', label: { en: 'Yes' } }, { value: 'no', label: { en: 'No' } }] }]
};

describeEachDb('epn-survey: kiosks', ({ getDb }) => {
  it('a kiosk token opens the survey without login; resends count once; the EPN is recorded; revoking locks it', async () => {
    const db = getDb();
    const org = await organisation(db);
    const member = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id: placeId } = await member.caller.place.create({ organisationId: org.id, place: placeFields('EPN with a kiosk') });
    const { id: surveyId } = await member.caller.survey.create({ organisationId: org.id, definition });
    await member.caller.survey.publish({ id: surveyId });
    const { id, token } = await member.caller.kiosk.create({ surveyId, placeId, label: 'Front desk' });
    const tablet = callerFor(db, null);
    expect((await tablet.kiosk.unlock({ token })).definition).toEqual(definition);
    const key = '0f8e2b6c-1d3a-4f5e-9a7b-2c4d6e8f0a1b';
    const sends = await Promise.all([1, 2].map(() => tablet.kiosk.respond({ token, answers: { happy: 'yes' }, idempotencyKey: key })));
    expect(sends.filter((s) => !s.duplicate)).toHaveLength(1);
    await tablet.kiosk.respond({ token, answers: { happy: 'yes' }, idempotencyKey: key }); // a later resend
    const rows = await db.epnResponse.findMany({ where: { surveyId } });
    expect(rows.map((r) => [r.channel, r.placeId])).toEqual([['kiosk', placeId]]);
    expect((await refusal(tablet.kiosk.respond({ token, answers: { happy: 'maybe' }, idempotencyKey: 'aaaaaaaaaaaaaaaaaaaa' }))).code).toBe('BAD_REQUEST');
    expect((await refusal(tablet.kiosk.unlock({ token: `${token}x` }))).code).toBe('NOT_FOUND');

    const other = await person(db, { memberships: [{ organisationId: (await organisation(db, 'B')).id, role: 'member' }] });
    expect((await refusal(other.caller.kiosk.revoke({ id }))).code).toBe('FORBIDDEN');
    expect((await refusal(other.caller.kiosk.create({ surveyId, placeId: null, label: 'Sneaky' }))).code).toBe('FORBIDDEN');
    expect((await refusal(other.caller.kiosk.list({ surveyId }))).code).toBe('FORBIDDEN');
    await member.caller.kiosk.revoke({ id });
    expect((await refusal(tablet.kiosk.unlock({ token }))).code).toBe('NOT_FOUND');
    expect((await refusal(tablet.kiosk.respond({ token, answers: { happy: 'no' }, idempotencyKey: 'bbbbbbbbbbbbbbbbbbbb' }))).code).toBe('NOT_FOUND');
    expect(await db.epnResponse.count({ where: { surveyId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: { in: ['epn-survey.kiosk.create', 'epn-survey.kiosk.revoke'] }, targetId: id } })).toBe(2);
  });
});
