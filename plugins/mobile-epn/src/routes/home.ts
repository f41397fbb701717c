import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { mobileEpnCaller } from '../server/router.ts';

/** /mobile: upcoming group workshops for everyone; one's own registrations and venues when signed in. */
export async function load(event: PluginEvent) {
  const { ctx } = event.locals;
  const api = mobileEpnCaller(event);
  const upcoming = await orPageError(event, () => api.registration.upcoming());
  const signedIn = !!ctx.actor;
  const mine = signedIn ? await api.registration.mine() : [];
  const venues = signedIn && ctx.permissions.has('mobile-epn.registration.manage') ? (await api.registration.contactSessions()).venues.length : 0;
  return { locale: ctx.locale, signedIn, upcoming, mine, isContact: venues > 0, canRequest: !signedIn || ctx.permissions.has('mobile-epn.request.create'), isTrainer: ctx.permissions.has('mobile-epn.session.train') };
}
