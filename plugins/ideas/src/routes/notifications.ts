import { localizeHref } from '@passerelle/i18n';
import { checked, field, loginRedirect, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { attempt } from './forms.ts';

/** /ideas/notifications: which emails one wants (all off until chosen). */
export async function load(event: PluginEvent) {
  if (!event.locals.ctx.actor) loginRedirect(event.url, localizeHref);
  return { prefs: await ideasCaller(event).notifications.get() };
}

export const actions = {
  default: async (event: PluginEvent) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).notifications.set({ onStatus: checked(form, 'onStatus'), onReply: checked(form, 'onReply'), onFollowed: checked(form, 'onFollowed') }));
    if (!('ok' in result)) return result;
    return { done: 'saved' as const };
  }
};

export { field };
