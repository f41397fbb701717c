import type { Actions, PageServerLoad } from './$types';
import { t } from '@passerelle/i18n';
import { PLUGINS } from '$lib/plugins.ts';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

export const load: PageServerLoad = async (event) => {
  const locale = event.locals.ctx.locale;
  const switches = await caller(event).admin.plugins.list();
  return {
    plugins: switches.map((s) => {
      const manifest = PLUGINS.find((p) => p.id === s.id);
      return { ...s, name: manifest ? t(manifest.nameKey, undefined, { locale }) : s.id };
    })
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).admin.plugins.setEnabled({ pluginId: String(form.get('pluginId') ?? ''), enabled: form.get('enabled') === 'true' })
    );
    if (!('ok' in result)) return result;
    return { done: true };
  }
};
