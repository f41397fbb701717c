import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { t } from '@passerelle/i18n';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { answersFromForm, type Answers, type SurveyDefinition } from '../services/definition.ts';
import { checkUpTo, nextStep, shownInStep, steps, visibleAnswers } from '../services/steps.ts';

type Params = { code: string };

/** /epn/s/[code]: answer a published survey, anonymously, one step at a time (no JavaScript needed). */
export async function load(event: PluginEvent<Params>) {
  const survey = await orPageError(event, () => epnSurveyCaller(event).survey.published({ code: event.params.code }));
  return {
    locale: lang(event.locals.ctx.locale),
    survey,
    stepCount: steps(survey.definition).length,
    first: shownInStep(survey.definition, 0, {}).map((q) => q.id),
    done: event.url.searchParams.has('done')
  };
}

export interface StepState {
  step: number;
  /** Ids of the questions to show now. */
  shown: string[];
  /** Answers so far (carried in hidden fields from step to step). */
  answers: Answers;
  errors: Record<string, string>;
  message?: string;
}

/**
 * One step of a response posted from a form: the answers so far are checked up to this step; the result
 * is the page to show next (errors, or the next step), or the complete answers when no step is left.
 */
export function stepFromForm(def: SurveyDefinition, version: number, form: FormData, locale: string): { fail: ActionFailure<StepState> } | { next: StepState } | { complete: Answers } {
  const step = Math.max(0, Math.min(steps(def).length - 1, Number.parseInt(String(form.get('step') ?? '0'), 10) || 0));
  // The form of an older version: start again with the current questions.
  if (Number(form.get('version')) !== version) return { fail: fail(409, { step: 0, shown: shownInStep(def, 0, {}).map((q) => q.id), answers: {}, errors: {}, message: t('epn_survey_error_survey_changed', undefined, { locale }) }) };
  const answers = visibleAnswers(def, answersFromForm(def, form));
  const errors = checkUpTo(def, step, answers);
  if (Object.keys(errors).length) {
    const translated = Object.fromEntries(Object.entries(errors).map(([k, key]) => [k, t(key, undefined, { locale })]));
    return { fail: fail(400, { step, shown: shownInStep(def, step, answers).map((q) => q.id), answers, errors: translated, message: t('epn_survey_error_answers', undefined, { locale }) }) };
  }
  const next = nextStep(def, step, answers);
  if (next !== null) return { next: { step: next, shown: shownInStep(def, next, answers).map((q) => q.id), answers, errors: {} } };
  return { complete: answers };
}

/** The step page again, with the message of a refused final send. */
export function refused(def: SurveyDefinition, form: FormData, answers: Answers, data: { errors: Record<string, string>; message: string }, status: number): ActionFailure<StepState> {
  const step = Number.parseInt(String(form.get('step') ?? '0'), 10) || 0;
  return fail(status, { step, shown: shownInStep(def, step, answers).map((q) => q.id), answers, errors: data.errors, message: data.message });
}

export const actions = {
  default: async (event: PluginEvent<Params>) => {
    const api = epnSurveyCaller(event);
    const locale = event.locals.ctx.locale;
    const survey = await orPageError(event, () => api.survey.published({ code: event.params.code }));
    const form = await event.request.formData();
    const result = stepFromForm(survey.definition, survey.version, form, locale);
    if ('fail' in result) return result.fail;
    if ('next' in result) return result.next;
    const answers = result.complete;
    const sent = await attempt(form, locale, () => api.survey.respond({ code: survey.code, answers, version: survey.version }));
    if (!('ok' in sent)) return refused(survey.definition, form, answers, sent.data, sent.status);
    redirect(303, `${event.url.pathname}?done=1`);
  }
};
