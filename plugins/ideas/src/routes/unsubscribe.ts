import { field, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { attempt } from './forms.ts';

const KINDS = ['status', 'reply', 'followed', 'all'] as const;

/** /ideas/unsubscribe?token=…&kind=…: one button, no login (a GET never changes anything). */
export function load(event: PluginEvent) {
  const kind = KINDS.find((k) => k === event.url.searchParams.get('kind')) ?? 'all';
  return { token: event.url.searchParams.get('token')?.slice(0, 100) ?? '', kind };
}

export const actions = {
  default: async (event: PluginEvent) => {
    const form = await event.request.formData();
    const kind = KINDS.find((k) => k === field(form, 'kind')) ?? 'all';
    const result = await attempt(form, event.locals.ctx.locale, () => ideasCaller(event).notifications.unsubscribe({ token: field(form, 'token'), kind }));
    if (!('ok' in result)) return result;
    return { done: kind };
  }
};
