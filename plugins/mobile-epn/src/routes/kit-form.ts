import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { field, orPageError, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { attempt } from '@passerelle/plugin-sdk/forms';
import { mobileEpnCaller } from '../server/router.ts';
import { ZKitInput } from '../services/kits.ts';
import { explain, num, requireCoordinatorPage } from './dir-common.ts';

export function kitFromForm(form: FormData) {
  return { name: field(form, 'name'), organisationId: field(form, 'organisationId'), contents: field(form, 'contents').split(/\r?\n/), devices: num(form, 'devices'), status: field(form, 'status') as never };
}

const rename = (path: string) => path.replace(/^kit\./, '').replace(/^contents\..*/, 'contents');

/** /mobile/manage/kits/new and /mobile/manage/kits/[id]. */
export async function load(event: PluginEvent<{ id?: string }>) {
  requireCoordinatorPage(event);
  const api = mobileEpnCaller(event);
  const kit = event.params.id ? await orPageError(event, () => api.kit.get({ id: event.params.id! })) : null;
  return { kit, organisations: await orPageError(event, () => api.kit.owners()), saved: event.url.searchParams.has('saved') };
}

export const actions = {
  default: async (event: PluginEvent<{ id?: string }>) => {
    requireCoordinatorPage(event);
    const form = await event.request.formData();
    const { locale } = event.locals.ctx;
    const api = mobileEpnCaller(event);
    const kit = kitFromForm(form);
    const id = event.params.id;
    const result = await attempt(form, locale, () => (id ? api.kit.update({ id, kit }) : api.kit.create({ kit })), { rename });
    if (!('ok' in result)) return explain(result, ZKitInput, kit, locale, rename);
    redirect(303, `${localizeHref(`/mobile/manage/kits/${result.value.id}`)}?saved=1`);
  }
};
