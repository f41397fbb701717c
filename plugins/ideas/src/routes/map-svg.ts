import { mapSvg } from '@passerelle/ui/static-map/svg.ts';
import { BRUSSELS_BOUNDS } from '../services/ideas.ts';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';

/** GET /ideas/map.svg?lat=&lon=: the communes, with a marker, for the no-JavaScript point picker. */
export function GET(event: PluginEvent) {
  const lat = Number(event.url.searchParams.get('lat'));
  const lon = Number(event.url.searchParams.get('lon'));
  const inside = lat >= BRUSSELS_BOUNDS.south && lat <= BRUSSELS_BOUNDS.north && lon >= BRUSSELS_BOUNDS.west && lon <= BRUSSELS_BOUNDS.east;
  const locale = ['fr', 'nl', 'en'].includes(event.url.searchParams.get('lang') ?? '') ? event.url.searchParams.get('lang')! : 'fr';
  return new Response(mapSvg({ locale, marker: inside ? { lat, lon } : null }), { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' } });
}
