import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@passerelle/api';
import type { RequestHandler } from './$types';
import { log } from '$lib/server/log.ts';

/** Largest request body the API accepts; bigger ones get 413 before any parsing. */
const MAX_BODY_BYTES = 256 * 1024;

const handler: RequestHandler = async (event) => {
  const length = Number(event.request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) {
    return Response.json({ error: { message: 'Payload too large', data: { appCode: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } }, { status: 413 });
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: event.request,
    router: appRouter,
    createContext: () => event.locals.ctx,
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error.cause ?? error, path, requestId: event.locals.requestId }, 'procedure failed');
    }
  });
};

export const GET = handler;
export const POST = handler;
