import { error, json } from '@sveltejs/kit';
import { orPageError } from '@passerelle/plugin-sdk/server';
import type { RequestHandler } from './$types';
import { caller } from '$lib/server/caller.ts';
import { progressText } from '../progress.ts';

/** GET /tasks/[id]/status.json: the task's state and progress, for the page's poller (owner only). */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.ctx.actor) error(401);
  const task = await orPageError(event, () => caller(event).task.get({ id: event.params.id }));
  return json({ status: task.status, done: task.done, total: task.total, text: progressText(task, event.locals.ctx.locale) }, { headers: { 'cache-control': 'no-store' } });
};
