import { redirect } from '@sveltejs/kit';
import { localizeHref } from '@passerelle/i18n';
import { orPageError } from '@passerelle/plugin-sdk/server';
import type { PageServerLoad } from './$types';
import { caller } from '$lib/server/caller.ts';
import { progressText } from './progress.ts';

/**
 * /tasks/[id]: how far a long import or export has got. Without JavaScript the person reloads the page
 * with its "check progress" link (a page that reloads itself would be a timing trap: WCAG 2.2.1); with
 * it, a small script moves the bar. An import that is done sends the person on to its result page, an
 * export offers its file.
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
      output: task.output ? { name: task.output.name, size: task.output.size } : null,
      text: progressText(task, event.locals.ctx.locale)
    },
    locale: event.locals.ctx.locale
  };
};
