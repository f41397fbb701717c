import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import type { SurveyDefinition } from '../services/definition.ts';
import { codebookCsv, responsesCsv, responsesDataPackage } from '../services/exports.ts';
import { callerFor, organisation, person, refusal } from '../test-support.ts';

const definition: SurveyDefinition = {
  title: { fr: 'Retour', nl: 'Feedback', en: 'Feedback' },
  questions: [
    { id: 'tools', type: 'multiple', required: false, label: { fr: 'Outils', nl: 'Hulpmiddelen', en: 'Tools' }, choices: [{ value: 'pc', label: { fr: 'PC', nl: 'Pc', en: 'PC' } }, { value: 'phone', label: { fr: 'Téléphone', nl: 'Telefoon', en: 'Phone' } }] },
    { id: 'remark', type: 'long_text', required: false, label: { fr: 'Remarque', nl: 'Opmerking', en: 'Remark' } }
  ]
};

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
}

describeEachDb('epn-survey: response exports', ({ getDb }) => {
  it('streams every response in batches, escapes formulas, and describes each column', async () => {
    const db = getDb();
    const org = await organisation(db);
    const member = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id, code } = await member.caller.survey.create({ organisationId: org.id, definition });
    await member.caller.survey.publish({ id });
    const anon = callerFor(db, null, { ip: '198.51.100.4' });
    await anon.survey.respond({ code, answers: { tools: ['pc', 'phone'], remark: '=HYPERLINK("http://evil")' } });
    for (let i = 0; i < 6; i++) await anon.survey.respond({ code, answers: { tools: ['phone'], remark: `+${i} good` } });
    const meta = await member.caller.export.survey({ id });
    const csv = await collect(responsesCsv({ db, surveyId: id, questions: meta.questions, batch: 2 }));
    const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(7);
    expect(Object.keys(rows[0]!)).toEqual(['response_id', 'survey_version', 'day', 'channel', 'tools', 'remark']);
    expect(new Set(rows.map((r) => r.response_id)).size).toBe(7);
    expect(rows.find((r) => r.tools === 'pc phone')!.remark).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows.every((r) => !/^[=+\-@]/.test(r.remark!))).toBe(true);
    const book = parse(codebookCsv(meta.questions).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(book.map((r) => [r.question, r.choice, r.label_nl])).toEqual([['tools', '', 'Hulpmiddelen'], ['tools', 'pc', 'Pc'], ['tools', 'phone', 'Telefoon'], ['remark', '', 'Opmerking']]);
    const pkg = responsesDataPackage({ code, title: meta.title, questions: meta.questions });
    expect(pkg.resources[0]!.schema!.fields.map((f) => f.name)).toEqual(Object.keys(rows[0]!));
  });

  it("organisation B and researchers cannot export organisation A's responses", async () => {
    const db = getDb();
    const [a, b] = [await organisation(db, 'A'), await organisation(db, 'B')];
    const memberA = await person(db, { memberships: [{ organisationId: a.id, role: 'member' }] });
    const memberB = await person(db, { memberships: [{ organisationId: b.id, role: 'member' }] });
    const researcher = await person(db, { roles: ['researcher'] });
    const staff = await person(db, { roles: ['staff'] });
    const { id } = await memberA.caller.survey.create({ organisationId: a.id, definition });
    expect((await refusal(memberB.caller.export.survey({ id }))).code).toBe('FORBIDDEN');
    expect((await refusal(researcher.caller.export.survey({ id }))).code).toBe('FORBIDDEN');
    expect((await refusal((await person(db)).caller.export.survey({ id }))).code).toBe('FORBIDDEN');
    const region = await staff.caller.survey.create({ organisationId: null, definition });
    await staff.caller.survey.publish({ id: region.id });
    expect((await researcher.caller.export.survey({ id: region.id })).questions.map((q) => q.id)).toEqual(['tools', 'remark']);
  });
});
