import { fail, redirect } from '@sveltejs/kit';
import { t } from '@passerelle/i18n';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import { answersFromForm, type Answers } from '../services/definition.ts';
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

export const actions = {
  default: async (event: PluginEvent<Params>) => {
    const api = epnSurveyCaller(event);
    const locale = event.locals.ctx.locale;
    const survey = await orPageError(event, () => api.survey.published({ code: event.params.code }));
    const form = await event.request.formData();
    const def = survey.definition;
    const step = Math.max(0, Math.min(steps(def).length - 1, Number.parseInt(String(form.get('step') ?? '0'), 10) || 0));
    // The form of an older version: start again with the current questions.
    if (Number(form.get('version')) !== survey.version) return fail(409, { step: 0, shown: shownInStep(def, 0, {}).map((q) => q.id), answers: {}, errors: {}, message: t('epn_survey_error_survey_changed', undefined, { locale }) } satisfies StepState);
    const answers = visibleAnswers(def, answersFromForm(def, form));
    const errors = checkUpTo(def, step, answers);
    if (Object.keys(errors).length) {
      const translated = Object.fromEntries(Object.entries(errors).map(([k, key]) => [k, t(key, undefined, { locale })]));
      return fail(400, { step, shown: shownInStep(def, step, answers).map((q) => q.id), answers, errors: translated, message: t('epn_survey_error_answers', undefined, { locale }) } satisfies StepState);
    }
    const next = nextStep(def, step, answers);
    if (next !== null) return { step: next, shown: shownInStep(def, next, answers).map((q) => q.id), answers, errors: {} } satisfies StepState;
    const result = await attempt(form, locale, () => api.survey.respond({ code: survey.code, answers, version: survey.version }));
    if (!('ok' in result)) return fail(result.status, { step, shown: shownInStep(def, step, answers).map((q) => q.id), answers, errors: result.data.errors, message: result.data.message } satisfies StepState);
    redirect(303, `${event.url.pathname}?done=1`);
  }
};
