// What a survey is: a versioned list of questions with labels in FR/NL/EN and skip logic. This module is
// the one contract between the survey builder, the response forms (with and without JavaScript, kiosk),
// the XLSForm import/export and the dashboards. Pure functions, no database.
import { z } from 'zod';
import { COMMUNES } from '@passerelle/db/communes';

export const LANGS = ['fr', 'nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in up to three languages; at least one is filled. Readers fall back (see `label`). */
export const ZLabel = z
  .object({ fr: z.string().trim().max(2000).optional(), nl: z.string().trim().max(2000).optional(), en: z.string().trim().max(2000).optional() })
  .refine((l) => LANGS.some((k) => (l[k] ?? '').length > 0), { message: 'epn_survey_error_label_required' });
export type Label = z.infer<typeof ZLabel>;

/** The text in `lang`, else in the first filled language (fr, nl, en). */
export function label(l: Label | undefined, lang: string): string {
  if (!l) return '';
  const own = l[lang as Lang];
  if (own) return own;
  for (const k of LANGS) if (l[k]) return l[k]!;
  return '';
}

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'number', 'short_text', 'long_text', 'date', 'commune', 'age_band', 'note'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Statbel/Eurostat age bands of the ICT household survey (16–74, plus 75+). */
export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The 19 communes by NIS code, plus "outside Brussels". */
export const OUTSIDE_BRUSSELS = 'outside';
export const COMMUNE_ANSWERS: readonly string[] = [...COMMUNES.map((c) => c.nis), OUTSIDE_BRUSSELS];

/** Question ids and choice values: what XLSForm accepts as names, kept short. */
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
export const ZName = z.string().regex(NAME, { message: 'epn_survey_error_name' });

export const ZChoice = z.object({ value: ZName, label: ZLabel });
export type Choice = z.infer<typeof ZChoice>;

export const CONDITION_OPS = ['equals', 'not_equals', 'includes', 'gt', 'gte', 'lt', 'lte', 'answered'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** "Show if <question> <op> <value>": `includes` is for multiple choice, `answered` takes no value. */
export const ZCondition = z.object({
  question: ZName,
  op: z.enum(CONDITION_OPS),
  value: z.union([z.string().max(200), z.number()]).optional()
});
export type Condition = z.infer<typeof ZCondition>;

export const ZShowIf = z.object({ mode: z.enum(['all', 'any']).default('all'), conditions: z.array(ZCondition).min(1).max(10) });
export type ShowIf = z.infer<typeof ZShowIf>;

export const ZQuestion = z.object({
  id: ZName,
  type: z.enum(QUESTION_TYPES),
  label: ZLabel,
  hint: ZLabel.optional(),
  required: z.boolean().default(false),
  /** single and multiple: the options, in order. */
  choices: z.array(ZChoice).max(100).optional(),
  /** number: bounds and whether decimals are allowed. */
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  showIf: ZShowIf.optional()
});
export type Question = z.infer<typeof ZQuestion>;

export const ZSurveyDefinition = z
  .object({
    title: ZLabel,
    intro: ZLabel.optional(),
    questions: z.array(ZQuestion).min(1).max(200)
  })
  .superRefine((def, ctx) => {
    const seen = new Map<string, Question>();
    def.questions.forEach((q, i) => {
      const at = (message: string, ...path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path: ['questions', i, ...path] });
      if (seen.has(q.id)) at('epn_survey_error_duplicate_id', 'id');
      const hasChoices = q.type === 'single' || q.type === 'multiple';
      if (hasChoices && !(q.choices && q.choices.length >= 2)) at('epn_survey_error_choices_needed', 'choices');
      if (hasChoices && q.choices && new Set(q.choices.map((c) => c.value)).size !== q.choices.length) at('epn_survey_error_duplicate_choice', 'choices');
      if (q.type === 'note' && q.required) at('epn_survey_error_note_required', 'required');
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) at('epn_survey_error_min_max', 'min');
      // Skip logic may only look back: a question depends on answers given before it.
      for (const [j, c] of (q.showIf?.conditions ?? []).entries()) {
        const target = seen.get(c.question);
        if (!target || target.type === 'note') at('epn_survey_error_condition_target', 'showIf', 'conditions', j, 'question');
        else if (c.op !== 'answered' && c.value === undefined) at('epn_survey_error_condition_value', 'showIf', 'conditions', j, 'value');
        else if (c.op === 'includes' && target.type !== 'multiple') at('epn_survey_error_condition_op', 'showIf', 'conditions', j, 'op');
      }
      seen.set(q.id, q);
    });
  });
export type SurveyDefinition = z.infer<typeof ZSurveyDefinition>;

/** An answer as stored: a string, a list of strings (multiple choice) or a number. */
export type Answer = string | number | string[];
export type Answers = Record<string, Answer>;

/** The choices a question offers (fixed lists for scale, commune and age band). */
export function choicesOf(q: Question): readonly string[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (q.choices ?? []).map((c) => c.value);
    case 'scale':
      return ['1', '2', '3', '4', '5'];
    case 'commune':
      return COMMUNE_ANSWERS;
    case 'age_band':
      return AGE_BANDS;
    default:
      return [];
  }
}

function holds(c: Condition, answers: Answers): boolean {
  const a = answers[c.question];
  if (c.op === 'answered') return a !== undefined && !(Array.isArray(a) && a.length === 0);
  if (a === undefined) return c.op === 'not_equals';
  if (c.op === 'includes') return Array.isArray(a) && a.includes(String(c.value));
  if (Array.isArray(a)) return c.op === 'not_equals' ? !a.includes(String(c.value)) : c.op === 'equals' && a.length === 1 && a[0] === String(c.value);
  if (c.op === 'equals') return String(a) === String(c.value);
  if (c.op === 'not_equals') return String(a) !== String(c.value);
  const x = typeof a === 'number' ? a : Number(a);
  const y = Number(c.value);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return c.op === 'gt' ? x > y : c.op === 'gte' ? x >= y : c.op === 'lt' ? x < y : x <= y;
}

/** Whether a question is shown, given the answers so far (only earlier answers can matter). */
export function isShown(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const results = q.showIf.conditions.map((c) => holds(c, answers));
  return q.showIf.mode === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** The questions shown for these answers, in order. A hidden question's answer never counts. */
export function visibleQuestions(def: SurveyDefinition, answers: Answers): Question[] {
  const kept: Answers = {};
  const shown: Question[] = [];
  for (const q of def.questions) {
    if (!isShown(q, kept)) continue;
    shown.push(q);
    if (answers[q.id] !== undefined) kept[q.id] = answers[q.id]!;
  }
  return shown;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one answer against its question; returns a message key, or null when fine. */
function checkAnswer(q: Question, a: Answer): string | null {
  switch (q.type) {
    case 'note':
      return 'epn_survey_error_not_a_question';
    case 'multiple': {
      if (!Array.isArray(a) || a.some((v) => typeof v !== 'string')) return 'epn_survey_error_invalid_choice';
      const allowed = new Set(choicesOf(q));
      if (new Set(a).size !== a.length || a.some((v) => !allowed.has(v))) return 'epn_survey_error_invalid_choice';
      return null;
    }
    case 'single':
    case 'scale':
    case 'commune':
    case 'age_band':
      return typeof a === 'string' && choicesOf(q).includes(a) ? null : 'epn_survey_error_invalid_choice';
    case 'number': {
      const n = typeof a === 'number' ? a : Number.NaN;
      if (!Number.isFinite(n)) return 'epn_survey_error_number';
      if (q.integer && !Number.isInteger(n)) return 'epn_survey_error_integer';
      if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) return 'epn_survey_error_out_of_range';
      return null;
    }
    case 'date': {
      if (typeof a !== 'string' || !ISO_DATE.test(a)) return 'epn_survey_error_date';
      const d = new Date(`${a}T00:00:00Z`);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== a ? 'epn_survey_error_date' : null;
    }
    case 'short_text':
      return typeof a === 'string' && a.length <= 200 ? null : 'epn_survey_error_text_too_long';
    case 'long_text':
      return typeof a === 'string' && a.length <= 3000 ? null : 'epn_survey_error_text_too_long';
  }
}

export type AnswerCheck = { ok: true; answers: Answers } | { ok: false; errors: Record<string, string> };

/**
 * Validates a whole response: required questions that are shown must be answered; an answer to a
 * hidden question, to a note or to an unknown question is refused (never silently dropped); each answer
 * must fit its question. Empty strings and empty lists count as "no answer".
 */
export function checkAnswers(def: SurveyDefinition, raw: Answers): AnswerCheck {
  const answers: Answers = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === '' || (Array.isArray(v) && v.length === 0)) continue;
    answers[k] = typeof v === 'string' ? v.trim() : v;
  }
  const errors: Record<string, string> = {};
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) if (!byId.has(id)) errors[id] = 'epn_survey_error_unknown_question';
  const shown = new Set(visibleQuestions(def, answers).map((q) => q.id));
  for (const q of def.questions) {
    const a = answers[q.id];
    if (!shown.has(q.id)) {
      if (a !== undefined) errors[q.id] = 'epn_survey_error_hidden_answer';
      continue;
    }
    if (a === undefined) {
      if (q.required) errors[q.id] = 'epn_survey_error_required';
      continue;
    }
    const problem = checkAnswer(q, a);
    if (problem) errors[q.id] = problem;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

/**
 * Answers from a posted form (no JavaScript): field `q.<id>`; multiple choice sends the field once per
 * ticked box; numbers are parsed (a non-number stays a string, so checkAnswers reports it).
 */
export function answersFromForm(def: SurveyDefinition, form: FormData): Answers {
  const answers: Answers = {};
  for (const q of def.questions) {
    if (q.type === 'note') continue;
    const values = form.getAll(`q.${q.id}`).filter((v): v is string => typeof v === 'string');
    if (q.type === 'multiple') {
      if (values.length) answers[q.id] = values;
      continue;
    }
    const v = (values[0] ?? '').trim();
    if (v === '') continue;
    if (q.type === 'number') {
      const n = Number(v.replace(',', '.'));
      answers[q.id] = Number.isFinite(n) ? n : v;
    } else answers[q.id] = v;
  }
  // Fields for questions that do not exist are kept, so that checkAnswers refuses them.
  for (const key of new Set(form.keys())) {
    if (key.startsWith('q.') && !def.questions.some((q) => `q.${q.id}` === key)) answers[key.slice(2)] = String(form.get(key));
  }
  return answers;
}
