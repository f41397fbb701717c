import { localizeHref } from '@passerelle/i18n';
import { field, loginRedirect, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';

// Shared by the registration pages: signed in or sent to the sign-in page (and back).

export function requireSignedIn(event: PluginEvent) {
  if (!event.locals.ctx.actor) loginRedirect(event.url, localizeHref);
}

/** Cancels a registration from a form ("registrationId"): the freed seat's promotion comes back to show. */
export async function cancelFromForm(event: PluginEvent) {
  requireSignedIn(event);
  const form = await event.request.formData();
  const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).registration.cancel({ registrationId: field(form, 'registrationId') }));
  if (!('ok' in result)) return result;
  return { done: 'cancelled' as const, promoted: result.value.promoted.map((p) => p.name) };
}

export { orPageError };
