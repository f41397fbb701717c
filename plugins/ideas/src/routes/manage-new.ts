import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { attempt } from './forms.ts';
import { toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { categoriesFromForm, consultationFromForm } from './consultation-form.ts';
import { requireStaff } from './manage.ts';

const DAY = 86_400_000;

/** /ideas/manage/new: a new consultation, with sensible default dates and settings. */
export function load(event: PluginEvent) {
  requireStaff(event);
  const start = new Date(Math.ceil(Date.now() / DAY) * DAY + 8 * 3_600_000);
  const at = (days: number) => toBrusselsLocal(new Date(start.getTime() + days * DAY));
  return {
    defaults: {
      submissionStart: at(0),
      reviewStart: at(42),
      voteStart: at(63),
      resultsStart: at(77),
      followUpStart: at(84),
      maxIdeasPerPerson: 3,
      voteBudget: 3,
      finalistCount: 6,
      mediatedDailyLimit: 30
    }
  };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requireStaff(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).consultation.create({ ...consultationFromForm(form), categories: categoriesFromForm(form) }));
    if (!('ok' in result)) return result;
    redirect(303, localizeHref(`/ideas/manage/${result.value.slug}?created=1`));
  }
};
