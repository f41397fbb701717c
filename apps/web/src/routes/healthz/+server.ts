import type { RequestHandler } from './$types';
import { checkDatabase } from '$lib/server/app.ts';

/** Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise. */
export const GET: RequestHandler = async () => {
  const started = performance.now();
  try {
    await checkDatabase();
    return Response.json({ status: 'ok', database: 'ok', ms: Math.round(performance.now() - started) }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return Response.json({ status: 'error', database: 'unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
};
