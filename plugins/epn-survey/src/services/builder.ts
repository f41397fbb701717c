// The survey builder's form: a whole SurveyDefinition as the named fields of one plain <form>, so that the
// builder works without JavaScript. Every button posts the whole form; the action reads it back into a
// draft (strings exactly as typed, so that nothing is lost when something is wrong), applies one
// operation and shows the draft again. Only "save" turns the draft into a definition and stores it
// (ZSurveyDefinition, in the service, judges it). Pure functions, no database.
import { AGE_BANDS, COMMUNE_ANSWERS, CONDITION_OPS, LANGS, QUESTION_TYPES, type ConditionOp, type Lang, type Label, type QuestionType, type SurveyDefinition } from './definition.ts';

export type Texts = Record<Lang, string>;
export interface ChoiceDraft {
  value: string;
  label: Texts;
}
export interface ConditionDraft {
  question: string;
  op: ConditionOp;
  value: string;
}
export interface QuestionDraft {
  id: string;
  type: QuestionType;
  label: Texts;
  hint: Texts;
  required: boolean;
  choices: ChoiceDraft[];
  min: string;
  max: string;
  integer: boolean;
  mode: 'all' | 'any';
  conditions: ConditionDraft[];
}
export interface SurveyDraft {
  title: Texts;
  intro: Texts;
  questions: QuestionDraft[];
}

/** The limits of ZSurveyDefinition, checked here so that an operation never builds what cannot be saved. */
export const MAX_QUESTIONS = 200;
export const MAX_CHOICES = 100;
export const MAX_CONDITIONS = 10;

// ---------------------------------------------------------------------------------------------------
// Field names. They follow the definition's paths ("questions" shortened to "q"), so that a validation
// error at questions.3.choices.1.value lands on the field q.3.choices.1.value.

export type QuestionPart = 'type' | 'id' | 'required' | 'min' | 'max' | 'integer';
export const names = {
  title: (l: Lang) => `title.${l}`,
  intro: (l: Lang) => `intro.${l}`,
  question: (i: number, part: QuestionPart) => `q.${i}.${part}`,
  label: (i: number, l: Lang) => `q.${i}.label.${l}`,
  hint: (i: number, l: Lang) => `q.${i}.hint.${l}`,
  choices: (i: number) => `q.${i}.choices`,
  choiceValue: (i: number, k: number) => `q.${i}.choices.${k}.value`,
  choiceLabel: (i: number, k: number, l: Lang) => `q.${i}.choices.${k}.label.${l}`,
  showIf: (i: number) => `q.${i}.showIf`,
  mode: (i: number) => `q.${i}.showIf.mode`,
  condition: (i: number, j: number, part: 'question' | 'op' | 'value') => `q.${i}.showIf.conditions.${j}.${part}`,
  /** The "add a question" controls. */
  addType: 'add.type',
  addAfter: 'add.after',
  /** The "add an answer" and "add a condition" buttons (ids, to put the focus on). */
  addChoice: (i: number) => `q.${i}.choices.add`,
  addCondition: (i: number) => `q.${i}.showIf.add`,
  /** The button's target: "3" (a question), "3.1" (a choice or a condition of question 3). */
  at: 'at'
} as const;

/** The anchor of question i (0-based) on the page: #q-1 is "Question 1". */
export const questionAnchor = (i: number) => `q-${i + 1}`;

const emptyTexts = (): Texts => ({ fr: '', nl: '', en: '' });
const textsOf = (l: Label | undefined): Texts => ({ fr: l?.fr ?? '', nl: l?.nl ?? '', en: l?.en ?? '' });
const hasText = (t: Texts) => LANGS.some((l) => t[l].trim() !== '');
/** The filled languages only (a label needs one; ZLabel says so when none is). */
const labelOf = (t: Texts): Label => Object.fromEntries(LANGS.filter((l) => t[l].trim() !== '').map((l) => [l, t[l].trim()]));
const choiceTypes: readonly QuestionType[] = ['single', 'multiple'];
export const hasChoices = (type: QuestionType) => choiceTypes.includes(type);

export function emptyQuestion(type: QuestionType): QuestionDraft {
  const blankChoice = (): ChoiceDraft => ({ value: '', label: emptyTexts() });
  return {
    id: '',
    type,
    label: emptyTexts(),
    hint: emptyTexts(),
    required: false,
    // A list question needs two answers: start with two empty rows to fill in.
    choices: hasChoices(type) ? [blankChoice(), blankChoice()] : [],
    min: '',
    max: '',
    integer: false,
    mode: 'all',
    conditions: []
  };
}

// ---------------------------------------------------------------------------------------------------
// Definition <-> draft <-> form fields.

export function draftFromDefinition(def: SurveyDefinition): SurveyDraft {
  return {
    title: textsOf(def.title),
    intro: textsOf(def.intro),
    questions: def.questions.map((q) => ({
      id: q.id,
      type: q.type,
      label: textsOf(q.label),
      hint: textsOf(q.hint),
      required: q.required,
      choices: hasChoices(q.type) ? (q.choices ?? []).map((c) => ({ value: c.value, label: textsOf(c.label) })) : [],
      min: q.type === 'number' && q.min !== undefined ? String(q.min) : '',
      max: q.type === 'number' && q.max !== undefined ? String(q.max) : '',
      integer: q.type === 'number' && q.integer === true,
      mode: q.showIf?.mode ?? 'all',
      conditions: (q.showIf?.conditions ?? []).map((c) => ({ question: c.question, op: c.op, value: c.value === undefined ? '' : String(c.value) }))
    }))
  };
}

/** The form's fields for a draft, as [name, value] pairs (an unticked box is not sent, as in a browser). */
export function draftToFields(draft: SurveyDraft): [string, string][] {
  const out: [string, string][] = [];
  for (const l of LANGS) out.push([names.title(l), draft.title[l]]);
  for (const l of LANGS) out.push([names.intro(l), draft.intro[l]]);
  draft.questions.forEach((q, i) => {
    out.push([names.question(i, 'type'), q.type], [names.question(i, 'id'), q.id]);
    for (const l of LANGS) out.push([names.label(i, l), q.label[l]]);
    for (const l of LANGS) out.push([names.hint(i, l), q.hint[l]]);
    if (q.required) out.push([names.question(i, 'required'), 'on']);
    q.choices.forEach((c, k) => {
      out.push([names.choiceValue(i, k), c.value]);
      for (const l of LANGS) out.push([names.choiceLabel(i, k, l), c.label[l]]);
    });
    out.push([names.question(i, 'min'), q.min], [names.question(i, 'max'), q.max]);
    if (q.integer) out.push([names.question(i, 'integer'), 'on']);
    out.push([names.mode(i), q.mode]);
    q.conditions.forEach((c, j) => {
      out.push([names.condition(i, j, 'question'), c.question], [names.condition(i, j, 'op'), c.op], [names.condition(i, j, 'value'), c.value]);
    });
  });
  return out;
}

export function formDataOf(fields: [string, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return form;
}

/** The indexes present among keys "prefix<n>suffix", in order (gaps are closed, duplicates ignored). */
function indexes(keys: string[], prefix: string, suffix: string): number[] {
  const found = new Set<number>();
  for (const key of keys) {
    if (!key.startsWith(prefix) || !key.endsWith(suffix)) continue;
    const middle = key.slice(prefix.length, key.length - suffix.length);
    if (/^\d{1,4}$/.test(middle)) found.add(Number(middle));
  }
  return [...found].sort((a, b) => a - b);
}

/** The draft from a posted builder form. Unknown types, operators and modes fall back to defaults. */
export function draftFromForm(form: FormData): SurveyDraft {
  const keys = [...new Set(form.keys())];
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const texts = (name: (l: Lang) => string): Texts => ({ fr: text(name('fr')), nl: text(name('nl')), en: text(name('en')) });
  return {
    title: texts(names.title),
    intro: texts(names.intro),
    questions: indexes(keys, 'q.', '.type').map((i): QuestionDraft => {
      const type = text(names.question(i, 'type'));
      const mode = text(names.mode(i));
      return {
        id: text(names.question(i, 'id')).trim(),
        type: (QUESTION_TYPES as readonly string[]).includes(type) ? (type as QuestionType) : 'short_text',
        label: texts((l) => names.label(i, l)),
        hint: texts((l) => names.hint(i, l)),
        required: form.has(names.question(i, 'required')),
        choices: indexes(keys, `q.${i}.choices.`, '.value').map((k) => ({ value: text(names.choiceValue(i, k)).trim(), label: texts((l) => names.choiceLabel(i, k, l)) })),
        min: text(names.question(i, 'min')).trim(),
        max: text(names.question(i, 'max')).trim(),
        integer: form.has(names.question(i, 'integer')),
        mode: mode === 'any' ? 'any' : 'all',
        conditions: indexes(keys, `q.${i}.showIf.conditions.`, '.question').map((j) => {
          const op = text(names.condition(i, j, 'op'));
          return { question: text(names.condition(i, j, 'question')).trim(), op: (CONDITION_OPS as readonly string[]).includes(op) ? (op as ConditionOp) : 'equals', value: text(names.condition(i, j, 'value')).trim() };
        })
      };
    })
  };
}

/** "3", "-2.5", "1,5" -> a number; anything else stays text, so that validation reports it on its field. */
function numberOrText(s: string): number | string {
  const n = Number(s.replace(',', '.'));
  return s !== '' && Number.isFinite(n) ? n : s;
}

/**
 * The definition a draft stands for, to be judged by ZSurveyDefinition (the result is not yet valid).
 * Empty optional texts are left out; a list question's fully empty answer rows are left out; the
 * fields of other types (answers kept while the type was changed) are left out.
 */
export function definitionFromDraft(draft: SurveyDraft): SurveyDefinition {
  const byId = new Map(draft.questions.map((q) => [q.id, q]));
  const questions = draft.questions.map((q) => {
    const out: Record<string, unknown> = { id: q.id, type: q.type, label: labelOf(q.label) };
    if (hasText(q.hint)) out.hint = labelOf(q.hint);
    out.required = q.required;
    if (hasChoices(q.type)) out.choices = q.choices.filter((c) => c.value !== '' || hasText(c.label)).map((c) => ({ value: c.value, label: labelOf(c.label) }));
    if (q.type === 'number') {
      if (q.min !== '') out.min = numberOrText(q.min);
      if (q.max !== '') out.max = numberOrText(q.max);
      if (q.integer) out.integer = true;
    }
    if (q.conditions.length) {
      out.showIf = {
        mode: q.mode,
        conditions: q.conditions.map((c) => {
          if (c.op === 'answered') return { question: c.question, op: c.op };
          // A number question, or an order (greater than...), compares numbers; everything else compares codes.
          const numeric = byId.get(c.question)?.type === 'number' || ['gt', 'gte', 'lt', 'lte'].includes(c.op);
          const value = c.value === '' ? undefined : numeric ? numberOrText(c.value) : c.value;
          return { question: c.question, op: c.op, ...(value === undefined ? {} : { value }) };
        })
      };
    }
    return out;
  });
  return { title: labelOf(draft.title), ...(hasText(draft.intro) ? { intro: labelOf(draft.intro) } : {}), questions } as unknown as SurveyDefinition;
}

export const definitionToFields = (def: SurveyDefinition) => draftToFields(draftFromDefinition(def));
export const definitionFromForm = (form: FormData) => definitionFromDraft(draftFromForm(form));

// ---------------------------------------------------------------------------------------------------
// Names made from labels.

const NAME_MAX = 40;

/**
 * A valid, unused name (ZName: letters without accents, digits, _ . -; starting with a letter or _)
 * made from a text: "Qu'avez-vous appris ?" -> "qu_avez_vous_appris". Without usable letters it is
 * `fallback`; a digit at the start gets `prefix`; a name already taken gets _2, _3…
 */
export function nameFrom(text: string, taken: ReadonlySet<string>, { fallback, prefix }: { fallback: string; prefix: string }): string {
  let base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base.length > NAME_MAX) {
    base = base.slice(0, NAME_MAX);
    const cut = base.lastIndexOf('_');
    base = (cut > 10 ? base.slice(0, cut) : base).replace(/_+$/, '');
  }
  if (base === '') base = fallback;
  else if (!/^[a-z_]/.test(base)) base = `${prefix}${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

const firstText = (t: Texts) => LANGS.map((l) => t[l].trim()).find((s) => s !== '') ?? '';

/**
 * Fills the names left empty: a question's and an answer's from their text. Names already given are
 * never changed: responses are stored under them. A question without any text gets "question_<n>" only
 * when `saving` (while editing it waits for its text, so that its name is made from that).
 */
export function completeNames(draft: SurveyDraft, { saving = false }: { saving?: boolean } = {}): SurveyDraft {
  const taken = new Set(draft.questions.map((q) => q.id).filter(Boolean));
  const questions = draft.questions.map((q, i) => {
    let id = q.id;
    if (id === '' && (saving || firstText(q.label) !== '')) {
      id = nameFrom(firstText(q.label), taken, { fallback: `question_${i + 1}`, prefix: 'q_' });
      taken.add(id);
    }
    const values = new Set(q.choices.map((c) => c.value).filter(Boolean));
    const choices = q.choices.map((c) => {
      if (c.value !== '' || !hasText(c.label)) return c;
      const value = nameFrom(firstText(c.label), values, { fallback: 'answer', prefix: 'a_' });
      values.add(value);
      return { ...c, value };
    });
    return { ...q, id, choices };
  });
  return { ...draft, questions };
}

// ---------------------------------------------------------------------------------------------------
// Operations. Each returns the edited draft and where to put the focus, or a refusal (a message key,
// its parameters and the field it is about) that leaves the draft as it was.

export type Edit = { ok: true; draft: SurveyDraft; focus: string } | { ok: false; error: string; params: Record<string, string | number>; field: string };

const refuse = (error: string, field: string, params: Record<string, string | number> = {}): Edit => ({ ok: false, error, params, field });
const withQuestions = (draft: SurveyDraft, questions: QuestionDraft[]): SurveyDraft => ({ ...draft, questions });
const replaceAt = <T>(list: T[], i: number, item: T) => list.map((x, n) => (n === i ? item : x));
const swap = <T>(list: T[], a: number, b: number) => list.map((x, n) => (n === a ? list[b]! : n === b ? list[a]! : x));

/** The focus after an operation on a question: its first field, or its block. */
const focusQuestion = (i: number) => names.label(i, 'fr');

/** Parses a button's target: "3" -> [3], "3.1" -> [3, 1]; null when malformed. */
export function parseAt(at: string, parts: 1 | 2): number[] | null {
  const bits = at.split('.');
  if (bits.length !== parts || !bits.every((b) => /^\d{1,4}$/.test(b))) return null;
  return bits.map(Number);
}

const questionRef = (draft: SurveyDraft, i: number) => ({ n: i + 1, id: draft.questions[i]?.id ?? '' });

/** The questions whose skip logic names question `id`: [question index, condition index]. */
function dependents(draft: SurveyDraft, id: string): [number, number][] {
  if (id === '') return [];
  const out: [number, number][] = [];
  draft.questions.forEach((q, i) => q.conditions.forEach((c, j) => c.question === id && out.push([i, j])));
  return out;
}

export function addQuestion(draft: SurveyDraft, { type, after }: { type: string; after: number | null }): Edit {
  if (draft.questions.length >= MAX_QUESTIONS) return refuse('epn_survey_builder_too_many_questions', names.addType, { max: MAX_QUESTIONS });
  const kind = (QUESTION_TYPES as readonly string[]).includes(type) ? (type as QuestionType) : 'short_text';
  const at = after === null || after >= draft.questions.length ? draft.questions.length : after + 1;
  const questions = [...draft.questions.slice(0, at), emptyQuestion(kind), ...draft.questions.slice(at)];
  return { ok: true, draft: withQuestions(draft, questions), focus: focusQuestion(at) };
}

export function deleteQuestion(draft: SurveyDraft, i: number): Edit {
  const q = draft.questions[i];
  if (!q) return refuse('epn_survey_builder_no_such_question', names.addType);
  if (draft.questions.length === 1) return refuse('epn_survey_builder_last_question', names.label(i, 'fr'));
  // Deleting a question that others' skip logic points to would break them: say so, change nothing.
  const users = dependents(draft, q.id);
  if (users.length) {
    const [k, j] = users[0]!;
    return refuse('epn_survey_builder_question_in_use', names.condition(k, j, 'question'), { ...questionRef(draft, i), by: k + 1 });
  }
  const questions = draft.questions.filter((_, n) => n !== i);
  return { ok: true, draft: withQuestions(draft, questions), focus: focusQuestion(Math.min(i, questions.length - 1)) };
}

/** Moves question i one place up or down; skip logic may only look back, so an order it needs is kept. */
export function moveQuestion(draft: SurveyDraft, i: number, direction: 'up' | 'down'): Edit {
  const j = direction === 'up' ? i - 1 : i + 1;
  if (!draft.questions[i] || !draft.questions[j]) return refuse('epn_survey_builder_cannot_move', names.label(Math.max(0, Math.min(i, draft.questions.length - 1)), 'fr'));
  const [first, second] = i < j ? [i, j] : [j, i];
  const c = draft.questions[second]!.conditions.findIndex((cond) => cond.question !== '' && cond.question === draft.questions[first]!.id);
  if (c >= 0) return refuse('epn_survey_builder_move_breaks_logic', names.condition(second, c, 'question'), { n: second + 1, other: first + 1 });
  return { ok: true, draft: withQuestions(draft, swap(draft.questions, i, j)), focus: focusQuestion(j) };
}

const editQuestion = (draft: SurveyDraft, i: number, change: (q: QuestionDraft) => QuestionDraft) => withQuestions(draft, replaceAt(draft.questions, i, change(draft.questions[i]!)));

export function addChoice(draft: SurveyDraft, i: number): Edit {
  const q = draft.questions[i];
  if (!q) return refuse('epn_survey_builder_no_such_question', names.addType);
  if (q.choices.length >= MAX_CHOICES) return refuse('epn_survey_builder_too_many_choices', names.choices(i), { max: MAX_CHOICES });
  const k = q.choices.length;
  return { ok: true, draft: editQuestion(draft, i, (x) => ({ ...x, choices: [...x.choices, { value: '', label: emptyTexts() }] })), focus: names.choiceLabel(i, k, 'fr') };
}

export function removeChoice(draft: SurveyDraft, i: number, k: number): Edit {
  const q = draft.questions[i];
  const choice = q?.choices[k];
  if (!q || !choice) return refuse('epn_survey_builder_no_such_question', names.addType);
  // An answer that a later question's skip logic waits for would leave that condition unable to hold.
  const user = choice.value === '' ? undefined : dependents(draft, q.id).find(([a, b]) => draft.questions[a]!.conditions[b]!.value === choice.value);
  if (user) return refuse('epn_survey_builder_choice_in_use', names.condition(user[0], user[1], 'value'), { n: i + 1, value: choice.value, by: user[0] + 1 });
  const choices = q.choices.filter((_, n) => n !== k);
  return { ok: true, draft: editQuestion(draft, i, (x) => ({ ...x, choices })), focus: choices.length ? names.choiceLabel(i, Math.min(k, choices.length - 1), 'fr') : names.addChoice(i) };
}

export function moveChoice(draft: SurveyDraft, i: number, k: number, direction: 'up' | 'down'): Edit {
  const q = draft.questions[i];
  const j = direction === 'up' ? k - 1 : k + 1;
  if (!q || !q.choices[k] || !q.choices[j]) return refuse('epn_survey_builder_cannot_move', names.choices(Math.min(i, draft.questions.length - 1)));
  return { ok: true, draft: editQuestion(draft, i, (x) => ({ ...x, choices: swap(x.choices, k, j) })), focus: names.choiceLabel(i, j, 'fr') };
}

/** The choices a condition on `q` can offer as values (fixed lists), or null for a free value. */
export function conditionValues(q: QuestionDraft | undefined): { value: string; label: Texts | null }[] | null {
  if (!q) return null;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices.filter((c) => c.value !== '').map((c) => ({ value: c.value, label: c.label }));
    case 'scale':
      return ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: null }));
    case 'commune':
      return COMMUNE_ANSWERS.map((v) => ({ value: v, label: null }));
    case 'age_band':
      return AGE_BANDS.map((v) => ({ value: v, label: null }));
    default:
      return null;
  }
}

/** The questions that a condition of question i may name: earlier ones that expect an answer. */
export function conditionTargets(draft: SurveyDraft, i: number): { index: number; question: QuestionDraft }[] {
  return draft.questions
    .slice(0, i)
    .map((question, index) => ({ index, question }))
    .filter(({ question }) => question.type !== 'note' && question.id !== '');
}

export function addCondition(draft: SurveyDraft, i: number): Edit {
  const q = draft.questions[i];
  if (!q) return refuse('epn_survey_builder_no_such_question', names.addType);
  if (q.conditions.length >= MAX_CONDITIONS) return refuse('epn_survey_builder_too_many_conditions', names.showIf(i), { max: MAX_CONDITIONS });
  const targets = conditionTargets(draft, i);
  if (!targets.length) return refuse('epn_survey_builder_no_earlier_question', names.showIf(i), { n: i + 1 });
  // The nearest earlier question is the usual case ("if the previous answer was no, ask why").
  const target = targets[targets.length - 1]!.question;
  const condition: ConditionDraft = { question: target.id, op: target.type === 'multiple' ? 'includes' : 'equals', value: conditionValues(target)?.[0]?.value ?? '' };
  const j = q.conditions.length;
  return { ok: true, draft: editQuestion(draft, i, (x) => ({ ...x, conditions: [...x.conditions, condition] })), focus: names.condition(i, j, 'question') };
}

export function removeCondition(draft: SurveyDraft, i: number, j: number): Edit {
  const q = draft.questions[i];
  if (!q || !q.conditions[j]) return refuse('epn_survey_builder_no_such_question', names.addType);
  const conditions = q.conditions.filter((_, n) => n !== j);
  return { ok: true, draft: editQuestion(draft, i, (x) => ({ ...x, conditions })), focus: conditions.length ? names.condition(i, Math.min(j, conditions.length - 1), 'question') : names.addCondition(i) };
}

// ---------------------------------------------------------------------------------------------------
// Validation errors on the page.

/** The field (or group of fields) that a definition path is about: "questions.3.showIf.conditions" -> "q.3.showIf". */
export function errorField(path: string): string {
  const field = path.replace(/^questions(?=\.|$)/, 'q');
  if (field === 'q' || field === '' || field === '_') return names.addType;
  return field.replace(/\.showIf\.conditions$/, '.showIf');
}

/** Where the focus goes when an operation is refused: the field it is about, or the button next to a group. */
export function refusalFocus(field: string): string {
  const group = /^q\.(\d+)\.(choices|showIf)$/.exec(field);
  if (!group) return errorTarget(field);
  const i = Number(group[1]);
  return group[2] === 'choices' ? names.addChoice(i) : names.addCondition(i);
}

const TEXT_GROUP = /(^title|^intro|\.label|\.hint)$/;

/** Where an error's link in the summary leads: the first input of a group of languages, else the field itself. */
export function errorTarget(field: string): string {
  const question = /^q\.(\d+)$/.exec(field);
  if (question) return questionAnchor(Number(question[1]));
  return TEXT_GROUP.test(field) ? `${field}.fr` : field;
}

/** The errors in the order of the form's fields, so that the summary reads from top to bottom. */
export function errorsInOrder(draft: SurveyDraft, errors: Record<string, string>): [string, string][] {
  const order = draftToFields(draft).map(([name]) => name);
  const rank = (field: string) => {
    const target = errorTarget(field);
    const n = order.findIndex((name) => name === target || name.startsWith(`${field}.`));
    return n < 0 ? order.length : n;
  };
  return Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
}

// ---------------------------------------------------------------------------------------------------

/** A blank survey: its title and one short-text question, in the language the member writes in. */
export function blankDefinition({ title, question, lang }: { title: string; question: string; lang: Lang }): SurveyDefinition {
  const draft: SurveyDraft = { title: { ...emptyTexts(), [lang]: title }, intro: emptyTexts(), questions: [{ ...emptyQuestion('short_text'), label: { ...emptyTexts(), [lang]: question } }] };
  return definitionFromDraft(completeNames(draft, { saving: true }));
}
