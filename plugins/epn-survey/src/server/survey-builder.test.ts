import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { describeError } from '@passerelle/trpc';
import { addChoice, addCondition, addQuestion, blankDefinition, completeNames, definitionFromDraft, draftFromDefinition, draftFromForm, draftToFields, formDataOf, type Edit } from '../services/builder.ts';
import type { SurveyDefinition } from '../services/definition.ts';
import { callerFor, organisation, person, refusal } from '../test-support.ts';

const ok = (e: Edit) => {
  if (!e.ok) throw new Error(`refused: ${e.error}`);
  return e.draft;
};

describeEachDb('epn-survey: the survey builder saves through survey.save', ({ getDb }) => {
  async function setup() {
    const db = getDb();
    const org = await organisation(db);
    const member = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const definition = blankDefinition({ title: 'Atelier smartphone', question: 'Qu’avez-vous appris ?', lang: 'fr' });
    const { id, code } = await member.caller.survey.create({ organisationId: org.id, definition });
    return { db, org, member, id, code };
  }

  /** What the builder's form posts after the member added a single-choice question and a condition on it. */
  function edited(survey: SurveyDefinition) {
    let draft = ok(addQuestion(draftFromDefinition(survey), { type: 'single', after: null }));
    draft.questions[1]!.label.fr = 'Êtes-vous déjà venu ?';
    draft.questions[1]!.choices[0]!.label.fr = 'Oui';
    draft.questions[1]!.choices[1]!.label.fr = 'Non';
    draft = ok(addQuestion(completeNames(draft), { type: 'long_text', after: 1 }));
    draft.questions[2]!.label.fr = 'Pourquoi pas ?';
    draft = ok(addCondition(completeNames(draft), 2));
    draft.questions[2]!.conditions[0]!.value = 'non';
    // Through the form, as the browser sends it, then read back as the action reads it.
    return definitionFromDraft(completeNames(draftFromForm(formDataOf(draftToFields(draft))), { saving: true }));
  }

  it('a blank survey, edited and saved: the draft is updated; after publication a save makes version 2 and version 1 keeps serving', async () => {
    const { db, member, id, code } = await setup();
    const first = await member.caller.survey.forEditing({ id });
    expect(first.definition.questions.map((q) => q.id)).toEqual(['qu_avez_vous_appris']);
    const v1 = edited(first.definition);
    expect(await member.caller.survey.save({ id, definition: v1 })).toEqual({ version: 1 }); // still the draft
    const saved = await member.caller.survey.forEditing({ id });
    expect(saved.definition).toEqual(v1);
    expect(saved.definition.questions[2]).toMatchObject({ id: 'pourquoi_pas', showIf: { mode: 'all', conditions: [{ question: 'etes_vous_deja_venu', op: 'equals', value: 'non' }] } });
    expect(saved.definition.questions[1]!.choices!.map((c) => c.value)).toEqual(['oui', 'non']);

    await member.caller.survey.publish({ id });
    const anon = callerFor(db, null, { ip: '203.0.113.9' });
    await anon.survey.respond({ code, answers: { etes_vous_deja_venu: 'non', pourquoi_pas: 'Trop loin' } });

    const v2 = ok(addChoice(draftFromDefinition(v1), 1));
    v2.questions[1]!.choices[2]!.label.fr = 'Je ne sais plus';
    expect(await member.caller.survey.save({ id, definition: definitionFromDraft(completeNames(v2, { saving: true })) })).toEqual({ version: 2 });
    const after = await member.caller.survey.forEditing({ id });
    expect(after).toMatchObject({ version: 2, published: false, publishedVersion: 1, responses: 1 });
    expect((await anon.survey.published({ code })).definition).toEqual(v1); // version 1 still serves
    const versions = await db.epnSurveyVersion.findMany({ where: { surveyId: id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.version, v.publishedAt !== null])).toEqual([
      [1, true],
      [2, false]
    ]);
    const response = await db.epnResponse.findFirstOrThrow({ where: { surveyId: id } });
    expect(response.versionId).toBe(versions[0]!.id);
    const log = await db.auditLog.findMany({ where: { targetId: id, action: 'epn-survey.survey.save' }, orderBy: { createdAt: 'asc' } });
    expect(log.map((l) => (l.data as { version: number }).version)).toEqual([1, 2]);
  });

  it('an invalid definition is refused with every problem by path, and nothing is stored', async () => {
    const { member, id } = await setup();
    const draft = draftFromDefinition((await member.caller.survey.forEditing({ id })).definition);
    draft.title = { fr: '', nl: '', en: '' };
    draft.questions[0]!.id = 'Qu’avez-vous';
    const e = await refusal(member.caller.survey.save({ id, definition: definitionFromDraft(draft) }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(describeError(e).fieldErrors).toEqual({ title: 'epn_survey_error_label_required', 'questions.0.id': 'epn_survey_error_name' });
    expect((await member.caller.survey.forEditing({ id })).definition.title).toEqual({ fr: 'Atelier smartphone' });
  });

  it('a member of another organisation cannot read or save the survey; staff may, also region-wide', async () => {
    const { db, member, id } = await setup();
    const definition = (await member.caller.survey.forEditing({ id })).definition;
    const other = await organisation(db, 'B');
    const memberB = await person(db, { memberships: [{ organisationId: other.id, role: 'member' }] });
    expect((await refusal(memberB.caller.survey.forEditing({ id }))).code).toBe('FORBIDDEN');
    expect((await refusal(memberB.caller.survey.save({ id, definition: { ...definition, title: { fr: 'Pris' } } }))).code).toBe('FORBIDDEN');
    const citizen = await person(db);
    expect((await refusal(citizen.caller.survey.save({ id, definition }))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db, null).survey.save({ id, definition }))).code).toBe('UNAUTHORIZED');
    expect((await member.caller.survey.forEditing({ id })).definition.title).toEqual({ fr: 'Atelier smartphone' });

    const staff = await person(db, { roles: ['staff'] });
    expect(await staff.caller.survey.save({ id, definition: { ...definition, title: { fr: 'Revu' } } })).toEqual({ version: 1 });
    const region = await staff.caller.survey.create({ organisationId: null, definition: blankDefinition({ title: 'Baromètre', question: 'Âge ?', lang: 'fr' }) });
    expect(await staff.caller.survey.save({ id: region.id, definition })).toEqual({ version: 1 });
    expect((await refusal(member.caller.survey.save({ id: region.id, definition }))).code).toBe('FORBIDDEN');
  });
});
