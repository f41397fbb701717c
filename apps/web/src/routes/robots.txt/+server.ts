import type { RequestHandler } from './$types';

// robots.txt, served by the app so that it can point at the sitemap with an absolute address. The API
// is for programs, not for search engines.
export const GET: RequestHandler = ({ locals }) =>
  new Response(`User-agent: *\nDisallow: /api/\n\nSitemap: ${locals.ctx.origin}/sitemap.xml\n`, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
