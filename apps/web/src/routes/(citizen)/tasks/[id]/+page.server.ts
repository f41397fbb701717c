import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { orPageError } from '@passerelle/plugin-sdk/server';
import type { PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';

/**
 * /tasks/[id]: how far a long import or export has got. Works without JavaScript: while the task runs the
 * page reloads itself every 3 seconds (unless the person turned that off); an import that is done sends
 * the person on to its result page, an export offers its file.
 */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.ctx.actor) redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(event.url.pathname)}`);
  const task = await orPageError(event, () => caller(event).task.get({ id: event.params.id }));
  if (task.status === 'done' && !task.output && task.returnTo) {
    redirect(303, `${localizeHref(task.returnTo)}${task.returnTo.includes('?') ? '&' : '?'}task=${encodeURIComponent(task.id)}`);
  }
  return {
    task: {
      id: task.id,
      titleKey: task.titleKey,
      status: task.status,
      done: task.done,
      total: task.total,
      errorKey: task.errorKey,
      errorParams: task.errorParams,
      returnTo: task.returnTo,
      output: task.output ? { name: task.output.name, size: task.output.size } : null
    },
    manual: event.url.searchParams.has('manual'),
    locale: event.locals.ctx.locale
  };
};
