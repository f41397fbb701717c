import { describe, expect, it } from 'vitest';
import { PICKER_WIDTH, pickedPoint, pickerSvgResponse } from './pick.ts';
import { WIDTH, project } from './project.ts';

const click = (x: number, y: number, name = 'pick') => {
  const form = new FormData();
  form.set(`${name}.x`, String(x));
  form.set(`${name}.y`, String(y));
  return form;
};

describe('a point picked on the map without JavaScript', () => {
  it('turns a click on the displayed picture back into the place clicked', () => {
    const [x, y] = project(4.3525, 50.8467); // Grand-Place, in SVG units
    const scale = PICKER_WIDTH / WIDTH;
    const point = pickedPoint(click(x * scale, y * scale))!;
    expect(Number(point.latitude)).toBeCloseTo(50.8467, 3);
    expect(Number(point.longitude)).toBeCloseTo(4.3525, 3);
    expect(point.latitude).toMatch(/^\d+\.\d{5}$/);
  });

  it('ignores a keyboard activation (0,0), no click, and a click outside the Region', () => {
    expect(pickedPoint(click(0, 0))).toBeNull();
    expect(pickedPoint(new FormData())).toBeNull();
    expect(pickedPoint(click(-50, 10))).toBeNull();
    expect(pickedPoint(click(PICKER_WIDTH * 3, 10))).toBeNull();
  });

  it('draws the marker only for a point inside the Region', async () => {
    const inside = await pickerSvgResponse(new URL('http://x/map.svg?lat=50.8467&lon=4.3525&lang=nl')).text();
    expect(inside).toContain('<circle');
    expect(inside).toContain('Sint-Gillis');
    const outside = await pickerSvgResponse(new URL('http://x/map.svg?lat=48.85&lon=2.35')).text();
    expect(outside).not.toContain('<circle');
  });
});
