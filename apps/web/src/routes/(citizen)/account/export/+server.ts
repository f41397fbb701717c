import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { caller } from '$lib/server/caller.ts';

/** Everything Passerelle holds about the signed-in person, as a JSON download (GDPR art. 15 and 20). */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.ctx.actor) error(401, 'Unauthenticated');
  const data = await caller(event).account.exportData();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="passerelle-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      'cache-control': 'no-store'
    }
  });
};
