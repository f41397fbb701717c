import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { mobileEpnCaller } from '../server/router.ts';
import { requireSignedIn } from './registration-forms.ts';

/** /mobile/venue: a venue contact's workshops, to register residents. */
export async function load(event: PluginEvent) {
  requireSignedIn(event);
  const data = await orPageError(event, () => mobileEpnCaller(event).registration.contactSessions());
  return { locale: event.locals.ctx.locale, ...data };
}
