// A point picked on the map without JavaScript: the form shows the map as an <input type="image">, and
// the browser sends where it was clicked (name.x, name.y, in CSS pixels of the displayed picture).
import { BRUSSELS_BOUNDS } from '../geo/communes.ts';
import { WIDTH, unproject } from './project.ts';
import { mapSvg } from './svg.ts';

/** Displayed width of the clickable map (CSS pixels); clicks are scaled from it to the SVG's own width. */
export const PICKER_WIDTH = 300;

const [WEST, SOUTH, EAST, NORTH] = BRUSSELS_BOUNDS;
const inside = (lat: number, lon: number) => lat >= SOUTH && lat <= NORTH && lon >= WEST && lon <= EAST;

/**
 * The point clicked, rounded to 5 decimals (about 1 m), or null when there was no click (a keyboard
 * activation sends 0,0) or it fell outside the Region.
 */
export function pickedPoint(form: FormData, name = 'pick', displayedWidth = PICKER_WIDTH): { latitude: string; longitude: string } | null {
  const x = Number(form.get(`${name}.x`));
  const y = Number(form.get(`${name}.y`));
  if (!Number.isFinite(x) || !Number.isFinite(y) || (x === 0 && y === 0)) return null;
  const scale = WIDTH / displayedWidth;
  const [lon, lat] = unproject(x * scale, y * scale);
  if (!inside(lat, lon)) return null;
  return { latitude: lat.toFixed(5), longitude: lon.toFixed(5) };
}

/** GET …/map.svg?lat=&lon=&lang=: the communes with a marker, the picture of the point picker. */
export function pickerSvgResponse(url: URL): Response {
  const lat = Number(url.searchParams.get('lat'));
  const lon = Number(url.searchParams.get('lon'));
  const param = url.searchParams.get('lang') ?? '';
  const locale = ['fr', 'nl', 'en'].includes(param) ? param : 'fr';
  const marker = url.searchParams.has('lat') && url.searchParams.has('lon') && inside(lat, lon) ? { lat, lon } : null;
  return new Response(mapSvg({ locale, marker }), { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' } });
}
