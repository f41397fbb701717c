import { BRUSSELS_BOUNDS } from '../geo/communes.ts';

// A server-side projection of the Brussels region to SVG coordinates: equirectangular with the
// longitude scaled by cos(latitude), which at this scale (20 km) is indistinguishable from Web
// Mercator. No JavaScript is needed in the browser.

const [WEST, SOUTH, EAST, NORTH] = BRUSSELS_BOUNDS;
const MID_LAT = ((SOUTH + NORTH) / 2) * (Math.PI / 180);
export const WIDTH = 600;
const X_SCALE = WIDTH / ((EAST - WEST) * Math.cos(MID_LAT));
export const HEIGHT = Math.round((NORTH - SOUTH) * X_SCALE);

export function project(lon: number, lat: number): [number, number] {
  return [Math.round((lon - WEST) * Math.cos(MID_LAT) * X_SCALE * 10) / 10, Math.round((NORTH - lat) * X_SCALE * 10) / 10];
}

/** The inverse of project(): SVG coordinates -> [lon, lat]. */
export function unproject(x: number, y: number): [number, number] {
  return [x / (Math.cos(MID_LAT) * X_SCALE) + WEST, NORTH - y / X_SCALE];
}

type Position = number[];
type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** SVG path data of a (multi)polygon. */
export function pathOf(geometry: Geometry): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .flatMap((rings) => rings.map((ring) => 'M' + ring.map(([lon, lat]) => project(lon!, lat!).join(' ')).join('L') + 'Z'))
    .join('');
}

export interface CommuneShape {
  nis: string;
  d: string;
}

/** The 19 communes as SVG paths, from the GeoJSON text. */
export function communeShapes(geojson: string): CommuneShape[] {
  const data = JSON.parse(geojson) as { features: { properties: { nis: string }; geometry: Geometry }[] };
  return data.features.map((f) => ({ nis: f.properties.nis, d: pathOf(f.geometry) }));
}
