import { error, redirect } from '@sveltejs/kit';
import { localizeHref, t } from '@passerelle/i18n';
import { loginRedirect, numberField, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { epnSurveyCaller } from '../server/router.ts';

function requireSettings(event: PluginEvent) {
  const { ctx } = event.locals;
  if (!ctx.actor) loginRedirect(event.url, localizeHref);
  if (!ctx.permissions.has('epn-survey.settings.manage')) error(403, t('error_forbidden', undefined, { locale: ctx.locale }));
}

/** /epn/manage/settings: the small-cell threshold (staff). */
export async function load(event: PluginEvent) {
  requireSettings(event);
  return { ...(await epnSurveyCaller(event).settings.get()), saved: event.url.searchParams.has('saved') };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requireSettings(event);
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => epnSurveyCaller(event).settings.setThreshold({ threshold: numberField(form, 'threshold') }));
    if (!('ok' in result)) return result;
    redirect(303, `${localizeHref('/epn/manage/settings')}?saved=1`);
  }
};
