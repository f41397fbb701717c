import { error } from '@sveltejs/kit';
import { readTaskFile } from '@passerelle/jobs';
import { orPageError, pullStream } from '@passerelle/plugin-sdk/server';
import type { RequestHandler } from './$types';
import { caller } from '$lib/server/caller.ts';

/** GET /tasks/[id]/file: the file a finished task wrote, to its owner only, streamed chunk by chunk. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.ctx.actor) error(401);
  const task = await orPageError(event, () => caller(event).task.get({ id: event.params.id }));
  if (!task.output) error(404);
  const chunks = readTaskFile(event.locals.ctx.db, task.output.id);
  const body = pullStream(chunks);
  const ascii = task.output.name.replace(/[^\w.-]/g, '_');
  return new Response(body, {
    headers: {
      'content-type': task.output.contentType,
      'content-length': String(task.output.size),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(task.output.name)}`,
      'cache-control': 'private, no-store'
    }
  });
};
