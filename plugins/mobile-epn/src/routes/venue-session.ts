import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { cancelFromForm, requireSignedIn } from './registration-forms.ts';

/** /mobile/venue/sessions/[id]: register residents one by one; seats and waiting list in order. */
export async function load(event: PluginEvent<{ id: string }>) {
  requireSignedIn(event);
  const data = await orPageError(event, () => mobileEpnCaller(event).registration.forSession({ sessionId: event.params.id }));
  return { locale: event.locals.ctx.locale, ...data };
}

export const actions = {
  register: async (event: PluginEvent<{ id: string }>) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const resident = { name: field(form, 'name'), ageBand: field(form, 'ageBand') || null, gender: field(form, 'gender') || null };
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).registration.register({ sessionId: event.params.id, resident }), { rename: (p) => p.replace(/^resident\./, '') });
    if (!('ok' in result)) return result;
    return { done: 'registered' as const, name: resident.name, status: result.value.status, position: result.value.position };
  },
  cancel: cancelFromForm
};
