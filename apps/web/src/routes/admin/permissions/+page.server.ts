import type { Actions, PageServerLoad } from './$types';
import { ROLES } from '@passerelle/trpc';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

export const load: PageServerLoad = async (event) => ({ roles: ROLES, grants: await caller(event).admin.grants.list() });

export const actions: Actions = {
  /** One form per permission: the checked roles hold it afterwards. */
  default: async (event) => {
    const form = await event.request.formData();
    const permission = String(form.get('permission') ?? '');
    const checked = new Set(form.getAll('roles').map(String));
    const result = await attempt(form, event.locals.ctx.locale, async () => {
      const current = (await caller(event).admin.grants.list()).find((g) => g.permission === permission);
      for (const role of ROLES) {
        const cell = current?.roles.find((r) => r.role === role);
        if (cell && cell.granted !== checked.has(role)) {
          await caller(event).admin.grants.set({ role, permission, granted: checked.has(role) });
        }
      }
    });
    if (!('ok' in result)) return result;
    return { done: permission };
  }
};
