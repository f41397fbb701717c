import { fail, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';
import { lang } from '../server/locale.ts';
import {
  addChoice,
  addCondition,
  addQuestion,
  completeNames,
  definitionFromDraft,
  deleteQuestion,
  draftFromDefinition,
  draftFromForm,
  errorField,
  moveChoice,
  moveQuestion,
  names,
  parseAt,
  refusalFocus,
  removeChoice,
  removeCondition,
  type Edit,
  type SurveyDraft
} from '../services/builder.ts';
import { requireManager } from './manage.ts';

type Params = { id: string };

/** What an action gives back to the page: the edited, unsaved survey, and where the focus goes. */
export type BuilderState = { draft: SurveyDraft; focus?: string | null; errors?: Record<string, string>; message?: string };

/** /epn/manage/surveys/[id]/edit: the survey builder (one plain form; see services/builder.ts). */
export async function load(event: PluginEvent<Params>) {
  requireManager(event);
  const survey = await orPageError(event, () => epnSurveyCaller(event).survey.forEditing({ id: event.params.id }));
  return {
    locale: lang(event.locals.ctx.locale),
    survey: { id: survey.id, version: survey.version, published: survey.published, publishedVersion: survey.publishedVersion },
    draft: draftFromDefinition(survey.definition)
  };
}

/**
 * An action that edits the posted survey without saving it: the page shows the result. A refused
 * operation (deleting a question that a condition needs…) changes nothing and says why, by the field.
 */
function edit(operation: (draft: SurveyDraft, form: FormData) => Edit | null) {
  return async (event: PluginEvent<Params>) => {
    requireManager(event);
    const form = await event.request.formData();
    const draft = completeNames(draftFromForm(form));
    const locale = event.locals.ctx.locale;
    const result = operation(draft, form) ?? ({ ok: false, error: 'epn_survey_builder_no_such_question', params: {}, field: names.addType } as const);
    if (!result.ok) {
      const message = t(result.error, result.params, { locale });
      return fail(400, { draft, focus: refusalFocus(result.field), errors: { [result.field]: message }, message } satisfies BuilderState);
    }
    return { draft: result.draft, focus: result.focus } satisfies BuilderState;
  };
}

/** The target of the button pressed: question i, or item j of question i. */
const at1 = (form: FormData) => parseAt(field(form, names.at), 1)?.[0];
const at2 = (form: FormData) => parseAt(field(form, names.at), 2) as [number, number] | null;
const on = <T>(target: T | null | undefined, run: (t: T) => Edit) => (target === null || target === undefined ? null : run(target));

export const actions = {
  addQuestion: edit((draft, form) => {
    const after = field(form, names.addAfter);
    return addQuestion(draft, { type: field(form, names.addType), after: /^\d{1,4}$/.test(after) ? Number(after) : null });
  }),
  deleteQuestion: edit((draft, form) => on(at1(form), (i) => deleteQuestion(draft, i))),
  moveUp: edit((draft, form) => on(at1(form), (i) => moveQuestion(draft, i, 'up'))),
  moveDown: edit((draft, form) => on(at1(form), (i) => moveQuestion(draft, i, 'down'))),
  addChoice: edit((draft, form) => on(at1(form), (i) => addChoice(draft, i))),
  removeChoice: edit((draft, form) => on(at2(form), ([i, k]) => removeChoice(draft, i, k))),
  moveChoiceUp: edit((draft, form) => on(at2(form), ([i, k]) => moveChoice(draft, i, k, 'up'))),
  moveChoiceDown: edit((draft, form) => on(at2(form), ([i, k]) => moveChoice(draft, i, k, 'down'))),
  addCondition: edit((draft, form) => on(at1(form), (i) => addCondition(draft, i))),
  removeCondition: edit((draft, form) => on(at2(form), ([i, j]) => removeCondition(draft, i, j))),
  /** Shows the page again for what was chosen (a new type's fields, a condition's answers). */
  refresh: edit((draft, form) => {
    const focus = field(form, names.at);
    return { ok: true, draft, focus: /^[\w.-]{1,100}$/.test(focus) ? focus : '' };
  }),
  /** The only action that stores anything: the survey's draft version (a new one after a publication). */
  save: async (event: PluginEvent<Params>) => {
    requireManager(event);
    const form = await event.request.formData();
    const draft = completeNames(draftFromForm(form));
    const locale = event.locals.ctx.locale;
    const definition = definitionFromDraft(completeNames(draft, { saving: true }));
    const result = await attempt(form, locale, () => epnSurveyCaller(event).survey.save({ id: event.params.id, definition }), { rename: errorField });
    if (!('ok' in result)) {
      const { errors, message } = result.data;
      const described = Object.keys(errors).length ? t('epn_survey_builder_not_saved', undefined, { locale }) : message;
      return fail(result.status, { draft, focus: null, errors, message: described } satisfies BuilderState);
    }
    redirect(303, `${localizeHref(`/epn/manage/surveys/${event.params.id}`)}?saved=${result.value.version}#publish`);
  }
};
