import { TRPCError } from '@trpc/server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import type { SurveyDefinition } from '../services/definition.ts';
import { callerFor, organisation, person, refusal } from '../test-support.ts';

const definition: SurveyDefinition = {
  title: { fr: 'Votre visite', nl: 'Uw bezoek', en: 'Your visit' },
  questions: [
    { id: 'first_visit', type: 'single', required: true, label: { fr: 'Première visite ?', en: 'First visit?' }, choices: [{ value: 'yes', label: { fr: 'Oui', en: 'Yes' } }, { value: 'no', label: { fr: 'Non', en: 'No' } }] },
    { id: 'how_often', type: 'number', required: true, integer: true, min: 1, max: 100, label: { en: 'How many visits before?' }, showIf: { mode: 'all', conditions: [{ question: 'first_visit', op: 'equals', value: 'no' }] } },
    { id: 'satisfaction', type: 'scale', required: false, label: { en: 'Satisfied?' } }
  ]
};

describeEachDb('epn-survey: surveys, versions and anonymous responses', ({ getDb }) => {
  async function setup() {
    const db = getDb();
    const org = await organisation(db);
    const member = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id, code } = await member.caller.survey.create({ organisationId: org.id, definition });
    return { db, org, member, id, code, anon: callerFor(db, null, { ip: '203.0.113.7' }) };
  }

  it('a draft is not answerable; once published it is, and skip logic holds', async () => {
    const { db, member, id, code, anon } = await setup();
    expect((await refusal(anon.survey.published({ code }))).code).toBe('NOT_FOUND');
    await member.caller.survey.publish({ id });
    expect((await anon.survey.published({ code })).version).toBe(1);
    await anon.survey.respond({ code, answers: { first_visit: 'yes', satisfaction: '5' } });
    await anon.survey.respond({ code, answers: { first_visit: 'no', how_often: 3 } });
    // Hidden question answered: refused, not silently dropped. Shown and required but missing: refused.
    const hidden = await refusal(anon.survey.respond({ code, answers: { first_visit: 'yes', how_often: 3 } }));
    expect(hidden.code).toBe('BAD_REQUEST');
    expect(await refusal(anon.survey.respond({ code, answers: { first_visit: 'no' } }))).toBeInstanceOf(TRPCError);
    expect(await refusal(anon.survey.respond({ code, answers: { first_visit: 'maybe' } }))).toBeInstanceOf(TRPCError);
    const rows = await db.epnResponse.findMany({ where: { surveyId: id } });
    const byFirst = (r: (typeof rows)[number]) => String((r.answers as Record<string, unknown>).first_visit);
    expect(rows.sort((a, b) => byFirst(a).localeCompare(byFirst(b))).map((r) => r.answers)).toEqual([{ first_visit: 'no', how_often: 3 }, { first_visit: 'yes', satisfaction: '5' }]);
    // Anonymous by design: the row has no address, no agent, no account and no time of day.
    expect(Object.keys(rows[0]!).sort()).toEqual(['answers', 'channel', 'day', 'id', 'idempotencyKey', 'placeId', 'surveyId', 'versionId']);
    expect(rows[0]!.day.toISOString()).toMatch(/T00:00:00\.000Z$/);
  });

  it('a published version is frozen: editing makes version 2, and responses keep their version', async () => {
    const { db, member, id, code, anon } = await setup();
    await member.caller.survey.publish({ id });
    await anon.survey.respond({ code, answers: { first_visit: 'yes' } });
    const changed = { ...definition, questions: [...definition.questions, { id: 'comment', type: 'long_text' as const, required: false, label: { en: 'Anything else?' } }] };
    expect(await member.caller.survey.save({ id, definition: changed })).toEqual({ version: 2 });
    expect(await member.caller.survey.save({ id, definition: changed })).toEqual({ version: 2 }); // the draft is updated, not multiplied
    expect((await anon.survey.published({ code })).version).toBe(1); // still serving version 1
    expect((await refusal(anon.survey.respond({ code, answers: { first_visit: 'yes', comment: 'x' } }))).code).toBe('BAD_REQUEST');
    await member.caller.survey.publish({ id });
    await anon.survey.respond({ code, answers: { first_visit: 'yes', comment: 'Very helpful staff' }, version: 2 });
    expect((await refusal(anon.survey.respond({ code, answers: { first_visit: 'yes' }, version: 1 }))).code).toBe('CONFLICT');
    const v1 = await db.epnSurveyVersion.findFirstOrThrow({ where: { surveyId: id, version: 1 } });
    expect(v1.definition).toEqual(definition);
    const counts = await db.epnResponse.groupBy({ by: ['versionId'], where: { surveyId: id }, _count: true });
    expect(counts.length).toBe(2);
    expect((await refusal(member.caller.survey.publish({ id }))).code).toBe('CONFLICT');
  });

  it('an idempotent resend is counted once, also when both sends arrive together', async () => {
    const { db, member, id, code, anon } = await setup();
    await member.caller.survey.publish({ id });
    const key = 'kiosk-7f9c2b1e-4d7a-4c3e-9b1a-0f6e2d8c5a11';
    const results = await Promise.all([1, 2, 3].map(() => anon.survey.respond({ code, answers: { first_visit: 'yes' }, idempotencyKey: key })));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    await anon.survey.respond({ code, answers: { first_visit: 'yes' }, idempotencyKey: key });
    expect(await db.epnResponse.count({ where: { surveyId: id } })).toBe(1);
  });

  it("organisation B cannot see or change organisation A's surveys; only staff make region-wide ones", async () => {
    const { db, id } = await setup();
    const other = await organisation(db, 'B');
    const memberB = await person(db, { memberships: [{ organisationId: other.id, role: 'member' }] });
    expect((await refusal(memberB.caller.survey.forEditing({ id }))).code).toBe('FORBIDDEN');
    expect((await refusal(memberB.caller.survey.save({ id, definition }))).code).toBe('FORBIDDEN');
    expect((await refusal(memberB.caller.survey.publish({ id }))).code).toBe('FORBIDDEN');
    expect(await memberB.caller.survey.mine()).toEqual([]);
    expect((await refusal(memberB.caller.survey.create({ organisationId: null, definition }))).code).toBe('FORBIDDEN');
    const staff = await person(db, { roles: ['staff'] });
    const region = await staff.caller.survey.create({ organisationId: null, fromTemplate: true });
    expect((await staff.caller.survey.forEditing({ id: region.id })).definition.questions.length).toBeGreaterThan(10);
    expect((await refusal(callerFor(db, null).survey.mine())).code).toBe('UNAUTHORIZED');
  });

  it('an XLSForm file becomes a draft survey with the list of what was skipped; a bad file changes nothing', async () => {
    const { db, org, member } = await setup();
    const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../services/fixtures/xlsform', name)));
    const before = await db.epnSurvey.count();
    const imported = await member.caller.survey.importXlsForm({ organisationId: org.id, file: fixture('unsupported-bits.xlsx') });
    expect(imported.skipped.length).toBeGreaterThan(0);
    const draft = await member.caller.survey.forEditing({ id: imported.id });
    expect(draft).toMatchObject({ published: false, version: 1 });
    expect(draft.definition.questions.length).toBe(imported.questions);
    const bad = await refusal(member.caller.survey.importXlsForm({ organisationId: org.id, file: fixture('malformed.xlsx') }));
    expect(bad.code).toBe('BAD_REQUEST');
    const other = await organisation(db, 'B');
    expect((await refusal(member.caller.survey.importXlsForm({ organisationId: other.id, file: fixture('kobo-visitor-feedback.xlsx') }))).code).toBe('FORBIDDEN');
    expect(await db.epnSurvey.count()).toBe(before + 1);
  });
});
