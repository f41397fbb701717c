import script from '$lib/assets/task-progress.js?raw';

/** GET /tasks/progress.js: the task page's small progress poller (the page works without it). */
export function GET() {
  return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}
