import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addChoice,
  addCondition,
  addQuestion,
  blankDefinition,
  completeNames,
  conditionTargets,
  conditionValues,
  definitionFromDraft,
  definitionFromForm,
  definitionToFields,
  deleteQuestion,
  draftFromDefinition,
  draftFromForm,
  draftToFields,
  emptyQuestion,
  errorField,
  errorsInOrder,
  errorTarget,
  formDataOf,
  moveChoice,
  moveQuestion,
  nameFrom,
  names,
  parseAt,
  removeChoice,
  refusalFocus,
  removeCondition,
  MAX_CONDITIONS,
  MAX_QUESTIONS,
  type Edit,
  type QuestionDraft,
  type SurveyDraft
} from './builder.ts';
import { CONDITION_OPS, QUESTION_TYPES, ZName, ZSurveyDefinition, type SurveyDefinition } from './definition.ts';
import { visitorProfileTemplate } from './template.ts';

/** A definition with every question type, partial languages, numbers and both kinds of skip logic. */
const every: SurveyDefinition = ZSurveyDefinition.parse({
  title: { fr: 'Atelier smartphone', nl: 'Smartphoneworkshop' },
  intro: { en: 'Five minutes, anonymous.' },
  questions: [
    { id: 'came_before', type: 'single', required: true, label: { fr: 'Déjà venu ?', en: 'Been here before?' }, choices: [{ value: 'yes', label: { fr: 'Oui', en: 'Yes' } }, { value: 'no', label: { fr: 'Non' } }] },
    { id: 'topics', type: 'multiple', label: { fr: 'Sujets' }, hint: { fr: 'Plusieurs réponses possibles' }, choices: [{ value: 'mail', label: { fr: 'E-mail' } }, { value: 'bank', label: { fr: 'Banque' } }, { value: 'itsme', label: { fr: 'itsme' } }] },
    { id: 'satisfaction', type: 'scale', label: { fr: 'Satisfait ?' } },
    { id: 'visits', type: 'number', min: 0, max: 99.5, integer: true, label: { nl: 'Hoeveel keer?' }, showIf: { mode: 'any', conditions: [{ question: 'came_before', op: 'equals', value: 'yes' }, { question: 'topics', op: 'includes', value: 'bank' }] } },
    { id: 'more', type: 'short_text', label: { en: 'Why?' }, showIf: { mode: 'all', conditions: [{ question: 'visits', op: 'gte', value: 3 }, { question: 'satisfaction', op: 'answered' }] } },
    { id: 'story', type: 'long_text', label: { fr: 'Racontez' } },
    { id: 'day', type: 'date', label: { fr: 'Date' } },
    { id: 'home', type: 'commune', label: { fr: 'Commune' }, showIf: { mode: 'all', conditions: [{ question: 'visits', op: 'lt', value: -2.5 }] } },
    { id: 'age', type: 'age_band', label: { fr: 'Âge' }, showIf: { mode: 'all', conditions: [{ question: 'visits', op: 'gt', value: 1 }, { question: 'visits', op: 'lte', value: 80 }] } },
    { id: 'thanks', type: 'note', label: { fr: 'Merci !', nl: 'Bedankt!', en: 'Thank you!' }, showIf: { mode: 'all', conditions: [{ question: 'home', op: 'not_equals', value: 'outside' }] } }
  ]
});

const ok = (e: Edit) => {
  if (!e.ok) throw new Error(`refused: ${e.error}`);
  return e;
};
const refused = (e: Edit) => {
  if (e.ok) throw new Error('expected a refusal');
  return e;
};
const ids = (d: SurveyDraft) => d.questions.map((q) => q.id);
/** The field names a page shows for a draft, plus the buttons that can take the focus. */
const fieldsOf = (d: SurveyDraft) => new Set([...draftToFields(d).map(([n]) => n), ...d.questions.flatMap((_, i) => [names.addChoice(i), names.addCondition(i)])]);

describe('form fields <-> definition', () => {
  it('covers every question type and condition operator', () => {
    expect(new Set(every.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
    const ops = new Set(every.questions.flatMap((q) => q.showIf?.conditions.map((c) => c.op) ?? []));
    expect([...ops].sort()).toEqual([...CONDITION_OPS].sort());
  });

  it.each([
    ['every type', every],
    ['the visitor-profile template', ZSurveyDefinition.parse(visitorProfileTemplate())]
  ])('definition -> form fields -> definition gives it back (%s)', (_, def) => {
    const fields = definitionToFields(def);
    const back = definitionFromForm(formDataOf(fields));
    expect(back).toEqual(def);
    expect(ZSurveyDefinition.parse(back)).toEqual(def);
  });

  it('form fields -> definition -> form fields gives them back', () => {
    const fields = definitionToFields(every);
    expect(definitionToFields(definitionFromForm(formDataOf(fields)))).toEqual(fields);
    // Names are the definition's paths, "questions" shortened to "q".
    const byName = new Map(fields);
    expect(byName.get('q.0.choices.1.label.fr')).toBe('Non');
    expect(byName.get('q.3.showIf.conditions.1.value')).toBe('bank');
    expect(byName.get('q.3.showIf.mode')).toBe('any');
    expect(byName.get('q.3.integer')).toBe('on');
    expect(byName.has('q.2.required')).toBe(false); // an unticked box is not sent
    expect(byName.get('q.0.required')).toBe('on');
  });

  it('keeps whatever the member typed, valid or not: draft -> fields -> draft is the same draft', () => {
    const text = fc.string({ maxLength: 12 });
    const trimmed = text.map((s) => s.trim());
    const texts = fc.record({ fr: text, nl: text, en: text });
    const question: fc.Arbitrary<QuestionDraft> = fc.record({
      id: trimmed,
      type: fc.constantFrom(...QUESTION_TYPES),
      label: texts,
      hint: texts,
      required: fc.boolean(),
      choices: fc.array(fc.record({ value: trimmed, label: texts }), { maxLength: 4 }),
      min: trimmed,
      max: trimmed,
      integer: fc.boolean(),
      mode: fc.constantFrom('all' as const, 'any' as const),
      conditions: fc.array(fc.record({ question: trimmed, op: fc.constantFrom(...CONDITION_OPS), value: trimmed }), { maxLength: 3 })
    });
    const draft = fc.record({ title: texts, intro: texts, questions: fc.array(question, { maxLength: 12 }) });
    fc.assert(
      fc.property(draft, (d) => {
        expect(draftFromForm(formDataOf(draftToFields(d)))).toEqual(d);
      })
    );
  });

  it('numbers stay as typed until saved; then a number becomes a number and anything else is reported on its field', () => {
    const draft = draftFromDefinition(every);
    draft.questions[3] = { ...draft.questions[3]!, min: '1,5', max: 'lots' };
    expect(draftFromForm(formDataOf(draftToFields(draft))).questions[3]!.max).toBe('lots');
    const def = definitionFromDraft(draft);
    expect(def.questions[3]).toMatchObject({ min: 1.5, max: 'lots' });
    const parsed = ZSurveyDefinition.safeParse(def);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => errorField(i.path.join('.')))).toEqual(['q.3.max']);
  });

  it('leaves out empty texts, empty answer rows and the fields of another type', () => {
    const draft = draftFromDefinition(every);
    const single = draft.questions[0]!;
    draft.questions[0] = { ...single, hint: { fr: '  ', nl: '', en: '' }, choices: [...single.choices, { value: '', label: { fr: '', nl: ' ', en: '' } }] };
    draft.questions[5] = { ...draft.questions[5]!, choices: single.choices, min: '3', integer: true }; // a long text keeps them hidden
    const def = definitionFromDraft(draft);
    expect(def.questions[0]!.hint).toBeUndefined();
    expect(def.questions[0]!.choices).toHaveLength(2);
    expect(def.questions[5]).toEqual({ id: 'story', type: 'long_text', label: { fr: 'Racontez' }, required: false });
  });

  it('a form with gaps or unknown values is read without failing', () => {
    const form = formDataOf([
      ['title.fr', 'T'],
      ['q.5.type', 'single'],
      ['q.5.id', ' a '],
      ['q.5.label.fr', 'A'],
      ['q.5.choices.7.value', 'x'],
      ['q.5.choices.2.value', 'w'],
      ['q.9.type', 'hologram'],
      ['q.9.showIf.mode', 'sometimes'],
      ['q.9.showIf.conditions.0.question', 'a'],
      ['q.9.showIf.conditions.0.op', 'resembles']
    ]);
    const draft = draftFromForm(form);
    expect(draft.questions.map((q) => [q.id, q.type])).toEqual([
      ['a', 'single'],
      ['', 'short_text']
    ]);
    expect(draft.questions[0]!.choices.map((c) => c.value)).toEqual(['w', 'x']);
    expect(draft.questions[1]).toMatchObject({ mode: 'all', conditions: [{ question: 'a', op: 'equals', value: '' }] });
  });
});

describe('names made from labels', () => {
  it('are readable and valid', () => {
    const none = new Set<string>();
    const opts = { fallback: 'question_1', prefix: 'q_' };
    expect(nameFrom("Qu'avez-vous appris ?", none, opts)).toBe('qu_avez_vous_appris');
    expect(nameFrom('Âge — Leeftijd', none, opts)).toBe('age_leeftijd');
    expect(nameFrom('18 ans ou plus', none, opts)).toBe('q_18_ans_ou_plus');
    expect(nameFrom('🙂 ?', none, opts)).toBe('question_1');
    expect(nameFrom('Combien de fois êtes-vous venu dans cet espace public numérique cette année ?', none, opts)).toBe('combien_de_fois_etes_vous_venu_dans_cet');
    expect(nameFrom('Oui', new Set(['oui', 'oui_2']), opts)).toBe('oui_3');
  });

  it('are always valid names, never one already taken', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), (text, others) => {
        const taken = new Set([...others, nameFrom(text, new Set(), { fallback: 'question_1', prefix: 'q_' })]);
        const name = nameFrom(text, taken, { fallback: 'question_1', prefix: 'q_' });
        expect(ZName.safeParse(name).success).toBe(true);
        expect(taken.has(name)).toBe(false);
      })
    );
  });

  it('fill the empty question ids and answer codes only, uniquely; given names never change', () => {
    const q = (label: string, id = ''): QuestionDraft => ({ ...emptyQuestion('single'), id, label: { fr: label, nl: '', en: '' } });
    const draft: SurveyDraft = {
      title: { fr: 'T', nl: '', en: '' },
      intro: { fr: '', nl: '', en: '' },
      questions: [q('Déjà venu ?'), q('Déjà venu ?'), q('Autre', 'deja_venu_3'), q(''), q('Déjà venu ?')]
    };
    draft.questions[0]!.choices = [
      { value: '', label: { fr: 'Oui', nl: '', en: '' } },
      { value: 'oui', label: { fr: 'Ja', nl: '', en: '' } },
      { value: '', label: { fr: '', nl: '', en: '' } }
    ];
    // While editing, a question without text waits for it; when saving, it gets a plain name.
    expect(ids(completeNames(draft))).toEqual(['deja_venu', 'deja_venu_2', 'deja_venu_3', '', 'deja_venu_4']);
    const done = completeNames(draft, { saving: true });
    expect(ids(done)).toEqual(['deja_venu', 'deja_venu_2', 'deja_venu_3', 'question_4', 'deja_venu_4']);
    expect(done.questions[0]!.choices.map((c) => c.value)).toEqual(['oui_2', 'oui', '']);
    expect(completeNames(done, { saving: true })).toEqual(done);
    const all = done.questions.map((x) => x.id);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(ZName.safeParse(id).success).toBe(true);
  });

  it('a blank survey is valid, written in the member’s language', () => {
    const def = blankDefinition({ title: 'Enquête atelier', question: 'Qu’avez-vous appris ?', lang: 'nl' });
    expect(ZSurveyDefinition.parse(def)).toEqual({ title: { nl: 'Enquête atelier' }, questions: [{ id: 'qu_avez_vous_appris', type: 'short_text', label: { nl: 'Qu’avez-vous appris ?' }, required: false }] });
    expect(ZSurveyDefinition.safeParse(blankDefinition({ title: '', question: '', lang: 'fr' })).error!.issues.map((i) => i.path.join('.'))).toEqual(['title', 'questions.0.label']);
  });
});

describe('operations', () => {
  const base = () => draftFromDefinition(every);

  it('adds a question of the chosen type at the end or after a given question; list questions start with two empty answers', () => {
    const end = ok(addQuestion(base(), { type: 'single', after: null }));
    expect(end.draft.questions).toHaveLength(11);
    expect(end.draft.questions[10]).toEqual(emptyQuestion('single'));
    expect(end.draft.questions[10]!.choices).toHaveLength(2);
    expect(end.focus).toBe('q.10.label.fr');
    const after = ok(addQuestion(base(), { type: 'date', after: 1 }));
    expect(ids(after.draft).slice(0, 4)).toEqual(['came_before', 'topics', '', 'satisfaction']);
    expect(after.draft.questions[2]!.type).toBe('date');
    expect(after.focus).toBe('q.2.label.fr');
    expect(ok(addQuestion(base(), { type: 'warp', after: 99 })).draft.questions[10]!.type).toBe('short_text');
    const full = { ...base(), questions: Array.from({ length: MAX_QUESTIONS }, () => emptyQuestion('note')) };
    expect(refused(addQuestion(full, { type: 'note', after: null })).error).toBe('epn_survey_builder_too_many_questions');
  });

  it('deletes a question; one that a condition points to is refused with a clear error and nothing changes', () => {
    const draft = base();
    const done = ok(deleteQuestion(draft, 5));
    expect(ids(done.draft)).not.toContain('story');
    expect(done.draft.questions).toHaveLength(9);
    expect(done.focus).toBe('q.5.label.fr');
    // "came_before" is what question 4's skip logic looks at.
    const no = refused(deleteQuestion(draft, 0));
    expect(no.error).toBe('epn_survey_builder_question_in_use');
    expect(no.params).toEqual({ n: 1, id: 'came_before', by: 4 });
    expect(no.field).toBe('q.3.showIf.conditions.0.question');
    expect(draft).toEqual(base()); // nothing was touched
    // Once that condition is gone, the question can go.
    const freed = ok(removeCondition(draft, 3, 0));
    expect(ok(deleteQuestion(freed.draft, 0)).draft.questions).toHaveLength(9);
    const one = { ...draft, questions: [draft.questions[0]!] };
    expect(refused(deleteQuestion(one, 0)).error).toBe('epn_survey_builder_last_question');
    expect(refused(deleteQuestion(draft, 10)).error).toBe('epn_survey_builder_no_such_question');
  });

  it('moves a question up and down, but never before a question its skip logic looks at', () => {
    const up = ok(moveQuestion(base(), 2, 'up'));
    expect(ids(up.draft).slice(0, 3)).toEqual(['came_before', 'satisfaction', 'topics']);
    expect(up.focus).toBe('q.1.label.fr');
    const down = ok(moveQuestion(base(), 5, 'down'));
    expect(ids(down.draft).slice(5, 7)).toEqual(['day', 'story']);
    expect(refused(moveQuestion(base(), 0, 'up')).error).toBe('epn_survey_builder_cannot_move');
    expect(refused(moveQuestion(base(), 9, 'down')).error).toBe('epn_survey_builder_cannot_move');
    // "visits" (4th) looks at "topics" (2nd): "topics" cannot go below it, nor "visits" above it.
    const moved = ok(moveQuestion(base(), 1, 'down')).draft; // topics now 3rd, visits 4th: still fine
    const no = refused(moveQuestion(moved, 2, 'down'));
    expect(no).toMatchObject({ error: 'epn_survey_builder_move_breaks_logic', params: { n: 4, other: 3 }, field: 'q.3.showIf.conditions.1.question' });
    expect(refused(moveQuestion(moved, 3, 'up')).error).toBe('epn_survey_builder_move_breaks_logic');
  });

  it('adds, removes and reorders answers; an answer a condition waits for cannot be removed', () => {
    const added = ok(addChoice(base(), 1));
    expect(added.draft.questions[1]!.choices).toHaveLength(4);
    expect(added.focus).toBe('q.1.choices.3.label.fr');
    const moved = ok(moveChoice(base(), 1, 2, 'up'));
    expect(moved.draft.questions[1]!.choices.map((c) => c.value)).toEqual(['mail', 'itsme', 'bank']);
    expect(moved.focus).toBe('q.1.choices.1.label.fr');
    expect(ok(moveChoice(base(), 1, 0, 'down')).draft.questions[1]!.choices.map((c) => c.value)).toEqual(['bank', 'mail', 'itsme']);
    expect(refused(moveChoice(base(), 1, 2, 'down')).error).toBe('epn_survey_builder_cannot_move');
    expect(ok(removeChoice(base(), 1, 0)).draft.questions[1]!.choices.map((c) => c.value)).toEqual(['bank', 'itsme']);
    const no = refused(removeChoice(base(), 1, 1)); // "bank": question 4 shows if topics includes bank
    expect(no).toMatchObject({ error: 'epn_survey_builder_choice_in_use', params: { n: 2, value: 'bank', by: 4 }, field: 'q.3.showIf.conditions.1.value' });
    // Removing the last rows focuses the "add an answer" button.
    let draft = base();
    draft = ok(removeChoice(draft, 1, 2)).draft;
    draft = ok(removeChoice(draft, 1, 0)).draft;
    const last = ok(removeCondition(draft, 3, 1)).draft;
    const emptied = ok(removeChoice(last, 1, 0));
    expect(emptied.draft.questions[1]!.choices).toEqual([]);
    expect(emptied.focus).toBe(names.addChoice(1));
  });

  it('adds a condition on the nearest earlier question, offering its answers; removes it', () => {
    const draft = base();
    const added = ok(addCondition(draft, 2)); // before it: came_before (single), topics (multiple)
    expect(added.draft.questions[2]!.conditions).toEqual([{ question: 'topics', op: 'includes', value: 'mail' }]);
    expect(added.focus).toBe('q.2.showIf.conditions.0.question');
    const onScale = ok(addCondition(draft, 3)).draft.questions[3]!.conditions[2];
    expect(onScale).toEqual({ question: 'satisfaction', op: 'equals', value: '1' });
    // The question "thanks" (a note) is never a target; the next question's nearest is "age".
    const added10 = ok(addQuestion(draft, { type: 'short_text', after: null })).draft;
    expect(ok(addCondition(added10, 10)).draft.questions[10]!.conditions[0]).toEqual({ question: 'age', op: 'equals', value: '16-24' });
    expect(conditionTargets(added10, 10).map((t) => t.question.id)).not.toContain('thanks');
    expect(refused(addCondition(draft, 0))).toMatchObject({ error: 'epn_survey_builder_no_earlier_question', params: { n: 1 }, field: 'q.0.showIf' });
    let full = draft;
    for (let n = 1; n < MAX_CONDITIONS; n++) full = ok(addCondition(full, 9)).draft;
    expect(refused(addCondition(full, 9)).error).toBe('epn_survey_builder_too_many_conditions');
    const removed = ok(removeCondition(draft, 4, 0));
    expect(removed.draft.questions[4]!.conditions).toEqual([{ question: 'satisfaction', op: 'answered', value: '' }]);
    expect(removed.focus).toBe('q.4.showIf.conditions.0.question');
    expect(ok(removeCondition(removed.draft, 4, 0)).focus).toBe(names.addCondition(4));
  });

  it('offers fixed lists as condition values, free values otherwise', () => {
    const d = base();
    expect(conditionValues(d.questions[0])!.map((v) => v.value)).toEqual(['yes', 'no']);
    expect(conditionValues(d.questions[2])!.map((v) => v.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(conditionValues(d.questions[7])).toHaveLength(20);
    expect(conditionValues(d.questions[8])!.map((v) => v.value)).toContain('75+');
    expect(conditionValues(d.questions[3])).toBeNull();
  });

  it('every operation keeps the rest of the survey and points the focus at a field on the page', () => {
    const draft = base();
    const edits = [
      addQuestion(draft, { type: 'multiple', after: 4 }),
      deleteQuestion(draft, 6),
      moveQuestion(draft, 6, 'up'),
      addChoice(draft, 0),
      removeChoice(draft, 0, 1),
      moveChoice(draft, 0, 0, 'down'),
      addCondition(draft, 5),
      removeCondition(draft, 3, 1)
    ].map(ok);
    for (const e of edits) {
      expect(fieldsOf(e.draft).has(e.focus)).toBe(true);
      expect(e.draft.title).toEqual(draft.title);
      expect(ZSurveyDefinition.safeParse(definitionFromDraft(completeNames(e.draft, { saving: true }))).error?.issues.filter((i) => !['epn_survey_error_label_required', 'epn_survey_error_choices_needed', 'epn_survey_error_condition_value'].includes(i.message)) ?? []).toEqual([]);
    }
  });

  it('reads button targets strictly', () => {
    expect(parseAt('3', 1)).toEqual([3]);
    expect(parseAt('3.12', 2)).toEqual([3, 12]);
    for (const bad of ['', '-1', '3.', 'a', '1e3', '3.1.2']) expect(parseAt(bad, bad.includes('.') ? 2 : 1)).toBeNull();
  });
});

describe('validation errors on the page', () => {
  it('each problem of ZSurveyDefinition lands on a field of the page, in the order of the page', () => {
    const draft = draftFromDefinition(every);
    draft.title = { fr: '', nl: '', en: '' };
    draft.questions[0]!.choices[1]!.label = { fr: '', nl: '', en: '' };
    draft.questions[2]!.id = 'Satisfaction ?';
    draft.questions[5]!.label.en = 'x'.repeat(2001);
    const parsed = ZSurveyDefinition.safeParse(definitionFromDraft(draft));
    const errors = Object.fromEntries(parsed.error!.issues.map((i) => [errorField(i.path.join('.')), i.message]));
    const page = fieldsOf(draft);
    const order = errorsInOrder(draft, errors).map(([f]) => f);
    // The renamed question also breaks the condition that named it: said on that condition.
    expect(order).toEqual(['title', 'q.0.choices.1.label', 'q.2.id', 'q.4.showIf.conditions.1.question', 'q.5.label.en']);
    for (const f of order) expect(page.has(errorTarget(f))).toBe(true);
    expect(errors['q.2.id']).toBe('epn_survey_error_name');
  });

  it('problems found once the shape is right (duplicates, conditions) land on their field too', () => {
    const draft = draftFromDefinition(every);
    draft.questions[1]!.id = 'came_before';
    draft.questions[3]!.conditions[0]!.value = '';
    draft.questions[6]!.choices = []; // a date keeps nothing
    draft.questions[0]!.type = 'multiple';
    draft.questions[0]!.choices[1]!.value = 'yes';
    const parsed = ZSurveyDefinition.safeParse(definitionFromDraft(draft));
    const fields = parsed.error!.issues.map((i) => errorField(i.path.join('.')));
    expect(fields).toEqual(['q.0.choices', 'q.1.id', 'q.3.showIf.conditions.0.value', 'q.3.showIf.conditions.1.question']);
    const page = fieldsOf(draft);
    for (const f of fields) expect(page.has(errorTarget(f)) || f === 'q.0.choices').toBe(true);
    expect(errorField('questions')).toBe(names.addType);
    expect(errorField('questions.3.showIf.conditions')).toBe('q.3.showIf');
    expect(errorTarget('q.3')).toBe('q-4');
  });

  it('a refused operation puts the focus on a field of the page that explains it', () => {
    const draft = draftFromDefinition(every);
    const page = fieldsOf(draft);
    const refusals = [deleteQuestion(draft, 0), moveQuestion(draft, 4, 'up'), removeChoice(draft, 1, 1), addCondition(draft, 0), moveChoice(draft, 0, 1, 'down')].map(refused);
    for (const r of refusals) expect(page.has(refusalFocus(r.field))).toBe(true);
    expect(refusalFocus('q.0.showIf')).toBe(names.addCondition(0));
    expect(refusalFocus('q.0.choices')).toBe(names.addChoice(0));
    expect(refusalFocus('q.0.label')).toBe('q.0.label.fr');
  });
});
