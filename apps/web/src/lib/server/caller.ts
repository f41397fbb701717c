import type { RequestEvent } from '@sveltejs/kit';
import { createCaller } from '@passerelle/api';

/** The tRPC server-side caller for load functions and form actions: same procedures, same checks. */
export function caller(event: Pick<RequestEvent, 'locals'>) {
  return createCaller(event.locals.ctx);
}
