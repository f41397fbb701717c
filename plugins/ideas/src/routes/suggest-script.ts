import script from '../assets/suggest.js?raw';

/** GET /ideas/suggest.js: the small script that suggests similar ideas while typing. */
export function GET() {
  return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}
