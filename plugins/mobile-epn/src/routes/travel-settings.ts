import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { ZTravelSettings } from '../services/travel.ts';
import { explain, num, requireCoordinatorPage } from './dir-common.ts';

export const settingsFromForm = (form: FormData) => ({
  detourFactor: num(form, 'detourFactor'),
  speedsKmh: { public_transport: num(form, 'speed_public_transport'), bike: num(form, 'speed_bike'), car: num(form, 'speed_car') },
  bufferMinutes: num(form, 'bufferMinutes')
});
const rename = (path: string) => path.replace(/^speedsKmh\./, 'speed_');

/** /mobile/manage/settings: the travel figures (detour factor, speed per mode, set-up time). */
export async function load(event: PluginEvent) {
  requireCoordinatorPage(event);
  return { settings: await orPageError(event, () => mobileEpnCaller(event).settings.get()), saved: event.url.searchParams.has('saved') };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requireCoordinatorPage(event);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const settings = settingsFromForm(form);
    const result = await attempt(form, locale, () => mobileEpnCaller(event).settings.set(settings), { rename });
    if (!('ok' in result)) return explain(result, ZTravelSettings, settings, locale, rename);
    redirect(303, `${localizeHref('/mobile/manage/settings')}?saved=1`);
  }
};
