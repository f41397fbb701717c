// The local base style: a plain background, the deployment's optional tiles, and the 19 communes.
// No glyphs, no sprite, no remote style: the map makes no request outside the site.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapTiles } from './types.ts';

export const NO_DATA_PATTERN = 'passerelle-no-data';

export interface MapStyleOptions {
  /** URL of communes.geojson (absolute), or the GeoJSON object. */
  communes: string | object;
  tiles?: MapTiles;
  background: string;
  border: string;
  /** Fill of communes without a class (points mode, or plain map). */
  plainFill: string;
  /** NIS -> colour; when given, communes not in it get the no-data pattern. */
  choropleth?: Record<string, string>;
}

export function fillColorExpression(colors: Record<string, string>, fallback: string): ExpressionSpecification | string {
  const entries = Object.entries(colors);
  if (entries.length === 0) return fallback;
  return ['match', ['get', 'nis'], ...entries.flat(), fallback] as unknown as ExpressionSpecification;
}

export function buildMapStyle(options: MapStyleOptions): StyleSpecification {
  const { communes, tiles, background, border, plainFill, choropleth } = options;
  const sources: Record<string, SourceSpecification> = {
    communes: { type: 'geojson', data: communes as string },
  };
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': background } }];

  if (tiles?.type === 'raster') {
    sources.basemap = {
      type: 'raster',
      tiles: [tiles.url],
      tileSize: tiles.tileSize ?? 256,
      maxzoom: tiles.maxzoom ?? 19,
      attribution: tiles.attribution,
    };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  } else if (tiles?.type === 'vector') {
    sources.basemap = { type: 'vector', tiles: [tiles.url], maxzoom: tiles.maxzoom ?? 14, attribution: tiles.attribution };
    layers.push(...tiles.layers.filter((layer) => layer.type !== 'symbol'));
  }

  const opacity = tiles ? 0.7 : 1;
  if (choropleth) {
    const withValue = Object.keys(choropleth);
    layers.push({
      id: 'communes-fill',
      type: 'fill',
      source: 'communes',
      paint: { 'fill-color': fillColorExpression(choropleth, plainFill), 'fill-opacity': opacity },
    });
    layers.push({
      id: 'communes-no-data',
      type: 'fill',
      source: 'communes',
      filter: ['!', ['in', ['get', 'nis'], ['literal', withValue]]],
      paint: { 'fill-pattern': NO_DATA_PATTERN, 'fill-opacity': opacity },
    });
  } else {
    layers.push({
      id: 'communes-fill',
      type: 'fill',
      source: 'communes',
      paint: { 'fill-color': plainFill, 'fill-opacity': tiles ? 0.2 : 1 },
    });
  }
  layers.push({
    id: 'communes-line',
    type: 'line',
    source: 'communes',
    paint: { 'line-color': border, 'line-width': 1.5 },
  });

  return { version: 8, sources, layers };
}

/** A small diagonal hatch (RGBA) for communes without data; the legend uses the same hatch in CSS. */
export function hatchImage(size = 8, ink: [number, number, number] = [80, 90, 95]): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const offset = (y * size + x) * 4;
      const onLine = (x + y) % size === 0 || (x + y) % size === size - 1;
      const [r, g, b] = onLine ? ink : [255, 255, 255];
      data[offset] = r;
      data[offset + 1] = g;
      data[offset + 2] = b;
      data[offset + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}
