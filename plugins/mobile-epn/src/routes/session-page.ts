import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { cancelFromForm, requireSignedIn } from './registration-forms.ts';

/** /mobile/sessions/[id]: one group workshop: what, when, where (commune), seats left; register myself or cancel. */
export async function load(event: PluginEvent<{ id: string }>) {
  const page = await orPageError(event, () => mobileEpnCaller(event).registration.session({ sessionId: event.params.id }));
  return { locale: event.locals.ctx.locale, signedIn: !!event.locals.ctx.actor, ...page, registered: event.url.searchParams.get('registered') };
}

export const actions = {
  register: async (event: PluginEvent<{ id: string }>) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).registration.registerSelf({ sessionId: event.params.id }));
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref(`/mobile/sessions/${event.params.id}`)}?registered=${result.value.status}`);
  },
  cancel: cancelFromForm
};
