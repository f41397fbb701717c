import { expect, it } from 'vitest';
import { seedDemo } from '@passerelle/db/seed';
import { describeEachDb } from '@passerelle/db/testing';
import { checkAnswers, type Answers } from './definition.ts';
import { DEMO_SURVEY_CODE, seedEpnSurveyDemo } from './demo.ts';
import { visitorProfileTemplate } from './template.ts';

describeEachDb('epn-survey: demo data', ({ getDb }) => {
  it('seeds EPNs, a published survey with valid responses and activity, once', async () => {
    const db = getDb();
    await seedDemo(db);
    expect(await seedEpnSurveyDemo(db)).toBe(4);
    expect(await seedEpnSurveyDemo(db)).toBe(0);
    expect(await db.epnPlace.count({ where: { isDemo: true } })).toBe(4);
    const survey = await db.epnSurvey.findUniqueOrThrow({ where: { code: DEMO_SURVEY_CODE }, include: { responses: true } });
    expect(survey.responses.length).toBe(240);
    const def = visitorProfileTemplate();
    for (const r of survey.responses) expect(checkAnswers(def, r.answers as Answers)).toMatchObject({ ok: true });
    expect(await db.epnActivity.count()).toBe(160);
  });
});
