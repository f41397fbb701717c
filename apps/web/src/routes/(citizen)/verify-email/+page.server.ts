import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import type { Actions, PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

// The link in the email opens a page with a button: link scanners that fetch the URL must not use up
// the token, so it is consumed only by a POST.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => caller(event).account.verifyEmail({ token: String(form.get('token') ?? '') }));
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref('/login')}?verified=1`);
  }
};
