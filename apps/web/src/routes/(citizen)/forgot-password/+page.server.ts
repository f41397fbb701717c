import type { Actions } from './$types';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => caller(event).account.requestPasswordReset({ email: String(form.get('email') ?? '') }));
    if (!('ok' in result)) return result;
    // Same answer whether or not the address has an account.
    return { sent: true };
  }
};
