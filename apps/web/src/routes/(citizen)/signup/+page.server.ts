import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import type { Actions, PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.ctx.actor) redirect(303, localizeHref('/account'));
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const locale = event.locals.ctx.locale;
    const result = await attempt(form, locale, () =>
      caller(event).account.signUp({
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        displayName: String(form.get('displayName') ?? ''),
        locale: locale as 'fr' | 'nl' | 'en'
      })
    );
    if (!('ok' in result)) return result;
    return { sentTo: result.value.email };
  }
};
