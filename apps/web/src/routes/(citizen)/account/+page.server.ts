import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import type { Actions, PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

export const load: PageServerLoad = async (event) => {
  const { actor } = event.locals.ctx;
  if (!actor) redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(event.url.pathname)}`);
  const organisations = await caller(event).organisation.mine();
  return { profile: { displayName: actor.displayName, email: actor.email, locale: actor.locale, roles: actor.roles }, organisations };
};

export const actions: Actions = {
  profile: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).account.updateProfile({ displayName: String(form.get('displayName') ?? ''), locale: String(form.get('locale') ?? '') as 'fr' })
    );
    if (!('ok' in result)) return result;
    return { saved: 'profile' as const };
  },
  invite: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).organisation.invite({
        organisationId: String(form.get('organisationId') ?? ''),
        email: String(form.get('email') ?? ''),
        role: form.get('role') === 'admin' ? 'admin' : 'member'
      })
    );
    if (!('ok' in result)) return result;
    return { saved: 'invite' as const, invited: String(form.get('email') ?? '') };
  }
};
