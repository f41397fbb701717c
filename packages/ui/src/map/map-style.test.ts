import { describe, expect, it } from 'vitest';
import { buildMapStyle, fillColorExpression, hatchImage, NO_DATA_PATTERN } from './map-style.ts';

const base = { communes: '/communes.geojson', background: '#f3f2f1', border: '#505a5f', plainFill: '#ffffff' };

describe('map style', () => {
  it('is local: no glyphs, no sprite, no remote sources', () => {
    const style = buildMapStyle(base);
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(Object.keys(style.sources)).toEqual(['communes']);
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'communes-fill', 'communes-line']);
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  it('adds the deployment tiles under the communes, with their attribution', () => {
    const style = buildMapStyle({ ...base, tiles: { type: 'raster', url: 'https://t.example/{z}/{x}/{y}.png', attribution: '© T' } });
    expect(style.sources.basemap).toMatchObject({ type: 'raster', tiles: ['https://t.example/{z}/{x}/{y}.png'], attribution: '© T' });
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'basemap', 'communes-fill', 'communes-line']);
  });

  it('drops symbol layers of a vector base map (there are no glyphs)', () => {
    const style = buildMapStyle({
      ...base,
      tiles: {
        type: 'vector',
        url: 'https://t.example/{z}/{x}/{y}.pbf',
        attribution: '© T',
        layers: [
          { id: 'roads', type: 'line', source: 'basemap', 'source-layer': 'roads' },
          { id: 'names', type: 'symbol', source: 'basemap', 'source-layer': 'places' },
        ],
      },
    });
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'roads', 'communes-fill', 'communes-line']);
  });

  it('colours communes by NIS and hatches those without data', () => {
    const style = buildMapStyle({ ...base, choropleth: { '21001': '#08519c' } });
    const fill = style.layers.find((l) => l.id === 'communes-fill');
    expect(fill?.paint).toMatchObject({ 'fill-color': ['match', ['get', 'nis'], '21001', '#08519c', '#ffffff'] });
    const noData = style.layers.find((l) => l.id === 'communes-no-data');
    expect(noData?.paint).toMatchObject({ 'fill-pattern': NO_DATA_PATTERN });
    expect(fillColorExpression({}, '#fff')).toBe('#fff');
    const hatch = hatchImage(8);
    expect(hatch.data).toHaveLength(8 * 8 * 4);
  });
});
