import communesGeojson from '../geo/communes.geojson?raw';
import { COMMUNES, communeName } from '../geo/index.ts';
import { HEIGHT, WIDTH, communeShapes, project } from './project.ts';

let shapes: ReturnType<typeof communeShapes> | null = null;
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A standalone SVG document of the 19 communes with their names and, optionally, one marker: for an
 * <img> or an <input type="image"> (a map one can click on without JavaScript).
 */
export function mapSvg({ locale, marker }: { locale: string; marker?: { lon: number; lat: number } | null }): string {
  shapes ??= communeShapes(communesGeojson);
  const paths = shapes.map((s) => `<path d="${s.d}" fill="#ffffff" stroke="#505a5f" stroke-width="1.2"/>`).join('');
  const labels = COMMUNES.map((c) => {
    const [x, y] = project(c.label[0], c.label[1]);
    return `<text x="${x}" y="${y}" text-anchor="middle" font-family="sans-serif" font-size="12" fill="#0b0c0c">${escape(communeName(c, locale))}</text>`;
  }).join('');
  let pin = '';
  if (marker) {
    const [x, y] = project(marker.lon, marker.lat);
    pin = `<circle cx="${x}" cy="${y}" r="9" fill="#d4351c" stroke="#ffffff" stroke-width="3"/><circle cx="${x}" cy="${y}" r="2" fill="#ffffff"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="#f3f2f1"/>${paths}${labels}${pin}</svg>`;
}
