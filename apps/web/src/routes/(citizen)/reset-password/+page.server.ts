import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import type { Actions, PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).account.resetPassword({ token: String(form.get('token') ?? ''), password: String(form.get('password') ?? '') })
    );
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref('/login')}?reset=1`);
  }
};
