import script from '../assets/kiosk.js?raw';

/** GET /epn/kiosk.js: the kiosk's outbox for responses sent while the wifi was down. */
export function GET() {
  return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}
