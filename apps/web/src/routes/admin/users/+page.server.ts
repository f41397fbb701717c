import type { Actions, PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async (event) => {
  const q = event.url.searchParams.get('q')?.slice(0, 100) ?? '';
  const page = Math.max(1, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1);
  const result = await caller(event).admin.users.list({ query: q || undefined, page, pageSize: PAGE_SIZE });
  return { q, ...result };
};

export const actions: Actions = {
  role: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).admin.users.setRole({ userId: String(form.get('userId') ?? ''), role: String(form.get('role') ?? '') as 'staff', granted: form.get('granted') === 'true' })
    );
    if (!('ok' in result)) return result;
    return { done: true };
  },
  disable: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).admin.users.setDisabled({ userId: String(form.get('userId') ?? ''), disabled: form.get('disabled') === 'true' })
    );
    if (!('ok' in result)) return result;
    return { done: true };
  }
};
