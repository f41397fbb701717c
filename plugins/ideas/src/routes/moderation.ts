import { field, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { ideasCaller } from '../server/router.ts';
import { attempt } from './forms.ts';
import { requireStaff } from './manage.ts';

/** /ideas/manage/moderation: open reports, each with hide / restore / dismiss and a reason. */
export async function load(event: PluginEvent) {
  requireStaff(event, 'ideas.moderation.manage');
  return { queue: await ideasCaller(event).moderation.queue() };
}

export const actions = {
  default: async (event: PluginEvent) => {
    requireStaff(event, 'ideas.moderation.manage');
    const form = await event.request.formData();
    const kind = field(form, 'kind') === 'comment' ? ('comment' as const) : ('idea' as const);
    const result = await attempt(form, event.locals.ctx.locale, () =>
      ideasCaller(event).moderation.act({ target: { kind, id: field(form, 'id') }, action: field(form, 'action') as 'hide', reason: field(form, 'reason') })
    );
    if (!('ok' in result)) return result;
    return { done: field(form, 'action') };
  }
};
