import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import type { Actions, PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';
import { safeNext } from '$lib/safe-redirect.ts';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.ctx.actor) redirect(303, localizeHref('/account'));
  return { next: safeNext(url.searchParams.get('next'), ''), reset: url.searchParams.has('reset'), verified: url.searchParams.has('verified') };
};

export const actions: Actions = {
  login: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).account.login({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') })
    );
    if (!('ok' in result)) return result;
    redirect(303, safeNext(String(form.get('next') ?? ''), localizeHref('/account')));
  },
  /** Offered when the address is not confirmed yet: sends a new confirmation link. */
  resend: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => caller(event).account.resendVerification({ email: String(form.get('email') ?? '') }));
    if (!('ok' in result)) return result;
    return { resent: true };
  }
};
