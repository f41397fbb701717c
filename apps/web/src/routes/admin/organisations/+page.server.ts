import type { Actions, PageServerLoad } from './$types';
import { COMMUNES } from '@passerelle/db/communes';
import { caller } from '$lib/server/caller.ts';
import { attempt } from '$lib/server/forms.ts';

export const load: PageServerLoad = async (event) => {
  const locale = event.locals.ctx.locale;
  const organisations = await caller(event).admin.organisations.list();
  const communes = COMMUNES.map((c) => ({ value: c.nis, label: locale === 'nl' ? c.nameNl : locale === 'en' ? c.nameEn : c.nameFr }));
  return { organisations, communes };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).admin.organisations.create({
        name: String(form.get('name') ?? ''),
        kind: String(form.get('kind') ?? 'association') as 'association',
        communeNis: (form.get('communeNis') as string | null) || null
      })
    );
    if (!('ok' in result)) return result;
    return { done: 'create' as const };
  },
  addMember: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).admin.organisations.addMember({
        organisationId: String(form.get('organisationId') ?? ''),
        email: String(form.get('email') ?? ''),
        role: form.get('role') === 'admin' ? 'admin' : 'member'
      })
    );
    if (!('ok' in result)) return result;
    return { done: 'member' as const };
  },
  removeMember: async (event) => {
    const form = await event.request.formData();
    const result = await attempt(form, event.locals.ctx.locale, () =>
      caller(event).admin.organisations.removeMember({ organisationId: String(form.get('organisationId') ?? ''), userId: String(form.get('userId') ?? '') })
    );
    if (!('ok' in result)) return result;
    return { done: 'member' as const };
  }
};
