import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { requirePermission } from './dir-common.ts';

/** /mobile/requests: the person's requests, their status and the workshops planned for them. */
export async function load(event: PluginEvent) {
  requirePermission(event, 'mobile-epn.request.create');
  const requests = await orPageError(event, () => mobileEpnCaller(event).request.mine());
  const q = event.url.searchParams;
  return { requests, locale: event.locals.ctx.locale, sent: q.has('sent'), mediated: q.has('mediated'), withdrawn: q.has('withdrawn') };
}

export const actions = {
  withdraw: async (event: PluginEvent) => {
    requirePermission(event, 'mobile-epn.request.create');
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => mobileEpnCaller(event).request.withdraw({ id: field(form, 'id') }));
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref('/mobile/requests')}?withdrawn=1`);
  }
};
