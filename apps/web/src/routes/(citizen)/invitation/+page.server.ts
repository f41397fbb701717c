import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import type { Actions, PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

export const load: PageServerLoad = ({ locals, url }) => {
  const token = url.searchParams.get('token') ?? '';
  if (!locals.ctx.actor) redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(url.pathname + url.search)}`);
  return { token };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => caller(event).organisation.acceptInvitation({ token: String(form.get('token') ?? '') }));
    if (!('ok' in result)) return result;
    redirect(303, localizeHref('/account'));
  }
};
