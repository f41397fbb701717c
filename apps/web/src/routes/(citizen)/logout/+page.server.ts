import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import type { Actions, PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.ctx.actor) redirect(303, localizeHref('/'));
};

export const actions: Actions = {
  default: async (event) => {
    if (event.locals.ctx.actor) await caller(event).account.logout();
    redirect(303, localizeHref('/'));
  }
};
