import { expect, it } from 'vitest';
import { seedDemo } from '@passerelle/db/seed';
import { describeEachDb } from '@passerelle/db/testing';
import { checkAnswers, type Answers } from './definition.ts';
import { epnContextFigures } from './barometer-context.ts';
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
    const year = new Date().getUTCFullYear();
    expect(await db.epnActivity.count({ where: { date: { gte: new Date(Date.UTC(year, 0, 1)) } } })).toBe(160);
    expect(await db.epnActivity.count({ where: { date: { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year, 0, 1)) } } })).toBe(120);
    // The barometer's map shows them beside the edition of that year.
    const population = Object.fromEntries(['21001', '21004', '21012'].map((nis) => [nis, 50_000]));
    const figures = await epnContextFigures({ db, year: year - 1, population });
    expect(figures.map((f) => f.id)).toEqual(['epn-survey.epns_per_10k', 'epn-survey.epns', 'epn-survey.sessions', 'epn-survey.attendees']);
    expect(Object.values(figures.find((f) => f.id === 'epn-survey.sessions')!.values).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBeGreaterThan(0);
  });
});
