import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { readTaskFile, registerTasks, runTask, taskForOwner } from '@passerelle/jobs';
import type { SurveyDefinition } from '../services/definition.ts';
import { codebookCsv, responsesCsv, responsesDataPackage, responsesXlsx } from '../services/exports.ts';
import { callerFor, organisation, person, refusal } from '../test-support.ts';
import { epnSurveyTasks } from './tasks.ts';

registerTasks(epnSurveyTasks as never[]);

async function workbook(chunks: AsyncIterable<Uint8Array>): Promise<ExcelJS.Workbook> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  return book;
}

const rowsOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));

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

  it('writes the XLSX export as a task with progress: typed cells, formulas kept as text, codebook sheet, owner-only file', async () => {
    const db = getDb();
    const org = await organisation(db);
    const member = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const other = await person(db, { memberships: [{ organisationId: (await organisation(db, 'B')).id, role: 'member' }] });
    const def: SurveyDefinition = { ...definition, questions: [...definition.questions, { id: 'score', type: 'scale', required: false, label: { fr: 'Note', nl: 'Score', en: 'Score' } }] };
    const { id, code } = await member.caller.survey.create({ organisationId: org.id, definition: def });
    await member.caller.survey.publish({ id });
    const anon = callerFor(db, null, { ip: '198.51.100.5' });
    await anon.survey.respond({ code, answers: { tools: ['pc', 'phone'], remark: '=1+2', score: '4' } });
    for (let i = 0; i < 4; i++) await anon.survey.respond({ code, answers: { tools: ['phone'], score: String(i + 1) } });

    expect((await refusal(other.caller.export.start({ id, format: 'xlsx' }))).code).toBe('FORBIDDEN');
    const { id: taskId } = await member.caller.export.start({ id, format: 'xlsx' });
    expect(await runTask({ db, taskId })).toBe('done');
    const task = await taskForOwner({ db, actor: member.actor, id: taskId });
    expect(task).toMatchObject({ status: 'done', done: 5, total: 5, result: { rows: 5 }, returnTo: `/epn/manage/surveys/${id}` });
    await expect(taskForOwner({ db, actor: other.actor, id: taskId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const book = await workbook(readTaskFile(db, task.output!.id));
    expect(book.worksheets.map((w) => w.name)).toEqual(['responses', 'codebook']);
    const rows = rowsOf(book.getWorksheet('responses')!);
    expect(rows[0]).toEqual(['response_id', 'survey_version', 'day', 'channel', 'tools', 'remark', 'score']);
    expect(rows).toHaveLength(6);
    const first = rows.find((r) => r[4] === 'pc phone')!;
    expect(first[5]).toBe('=1+2'); // a text cell, never a formula
    expect(first[6]).toBe(4);
    expect(first[1]).toBe(1);
    const cell = book.getWorksheet('responses')!.getRow(rows.indexOf(first) + 1).getCell(6);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(rows.slice(1).map((r) => r[6]).sort()).toEqual([1, 2, 3, 4, 4]);
    expect(rowsOf(book.getWorksheet('codebook')!).map((r) => r[0])).toEqual(['question', 'tools', 'tools', 'tools', 'remark', 'score', 'score', 'score', 'score', 'score', 'score']);

    // Past the rows a sheet can hold, the export goes on in the next sheet, header repeated.
    const meta = await member.caller.export.survey({ id });
    const split = await workbook(responsesXlsx({ db, surveyId: id, questions: meta.questions, rowsPerSheet: 2 }));
    expect(split.worksheets.map((w) => [w.name, w.rowCount])).toEqual([['responses', 3], ['responses (2)', 3], ['responses (3)', 2], ['codebook', 11]]);
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
