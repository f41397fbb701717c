import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEIGHT, WIDTH, communeShapes, project } from './project.ts';

describe('server-side map projection', () => {
  it('draws the 19 communes inside the picture', () => {
    const shapes = communeShapes(readFileSync(join(import.meta.dirname, '../geo/communes.geojson'), 'utf8'));
    expect(shapes).toHaveLength(19);
    for (const s of shapes) {
      const numbers = s.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(WIDTH, HEIGHT) + 1);
    }
  });

  it('puts the Grand-Place in the middle and keeps north up', () => {
    const [x, y] = project(4.3525, 50.8467);
    expect(x / WIDTH).toBeGreaterThan(0.4);
    expect(x / WIDTH).toBeLessThan(0.55);
    expect(project(4.35, 50.9)[1]).toBeLessThan(project(4.35, 50.8)[1]);
    expect(y).toBeGreaterThan(0);
  });
});

describe('unproject', () => {
  it('is the inverse of project', async () => {
    const { unproject } = await import('./project.ts');
    const [x, y] = project(4.3525, 50.8467);
    const [lon, lat] = unproject(x, y);
    expect(lon).toBeCloseTo(4.3525, 3);
    expect(lat).toBeCloseTo(50.8467, 3);
  });
});
