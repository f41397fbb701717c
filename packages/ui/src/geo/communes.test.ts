import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRUSSELS_BOUNDS, COMMUNES, communeName, nameLanguage } from './index.ts';

type Feature = { properties: Record<string, string>; geometry: { type: string; coordinates: number[][][] | number[][][][] } };
const geojson = JSON.parse(readFileSync(new URL('./communes.geojson', import.meta.url), 'utf8')) as { features: Feature[] };

function insideRing([x, y]: readonly [number, number], ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('communes', () => {
  it('holds the 19 communes with exactly the properties SOURCE.md describes', () => {
    expect(geojson.features).toHaveLength(19);
    for (const feature of geojson.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(['name_en', 'name_fr', 'name_nl', 'nis']);
    }
  });

  it('generated table matches the GeoJSON (re-run scripts/generate-communes.mjs if not)', () => {
    const fromGeo = geojson.features.map((f) => ({ ...f.properties })).sort((a, b) => a.nis!.localeCompare(b.nis!));
    expect(COMMUNES.map(({ nis, name_fr, name_nl, name_en }) => ({ nis, name_fr, name_nl, name_en }))).toEqual(fromGeo);
    expect(COMMUNES.map((c) => c.nis)).toEqual(Array.from({ length: 19 }, (_, i) => `210${String(i + 1).padStart(2, '0')}`));
  });

  it('places each label point inside its commune and the bounds around all', () => {
    for (const commune of COMMUNES) {
      const feature = geojson.features.find((f) => f.properties.nis === commune.nis)!;
      const polygons = (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) as number[][][][];
      expect(polygons.some((polygon) => insideRing(commune.label, polygon[0]!))).toBe(true);
      const [west, south, east, north] = BRUSSELS_BOUNDS;
      expect(commune.label[0]).toBeGreaterThan(west);
      expect(commune.label[0]).toBeLessThan(east);
      expect(commune.label[1]).toBeGreaterThan(south);
      expect(commune.label[1]).toBeLessThan(north);
    }
  });

  it('names communes in fr, nl or en, falling back to French', () => {
    const city = COMMUNES.find((c) => c.nis === '21004')!;
    expect(nameLanguage('nl-BE')).toBe('nl');
    expect(communeName(city, 'nl-BE')).toBe('Brussel');
    expect(communeName(city, 'en')).toBe('City of Brussels');
    expect(communeName(city, 'de-BE')).toBe('Bruxelles');
  });
});
