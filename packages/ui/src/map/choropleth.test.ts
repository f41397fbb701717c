import { describe, expect, it } from 'vitest';
import { classify, colorsByNis, legendClasses, paletteFor, quantileBreaks } from './choropleth.ts';

describe('choropleth classes', () => {
  it('takes quantile boundaries from the data, dropping repeats', () => {
    expect(quantileBreaks([5, 1, 3, 2, 4], 4)).toEqual([1, 2, 3, 4, 5]);
    expect(quantileBreaks([1, 1, 1, 2], 4)).toEqual([1, 2]);
    expect(quantileBreaks([7], 5)).toEqual([7]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });

  it('classifies with closed-open classes and a closed last class', () => {
    const bounds = [0, 10, 20, 30];
    expect([0, 9.9, 10, 25, 30, 99, -5].map((v) => classify(v, bounds))).toEqual([0, 0, 1, 2, 2, 2, 0]);
    expect(classify(7, [7])).toBe(0);
  });

  it('colours communes that have a value, dark for high values', () => {
    const bounds = [0, 10, 20];
    const palette = paletteFor(2);
    const colors = colorsByNis({ '21001': 1, '21002': 15, '21003': null }, bounds, palette);
    expect(colors).toEqual({ '21001': palette[0], '21002': palette[1] });
    expect(legendClasses(bounds, palette)).toEqual([
      { from: 0, to: 10, color: palette[0] },
      { from: 10, to: 20, color: palette[1] },
    ]);
  });

  it('uses a custom palette only when it has enough colours', () => {
    expect(paletteFor(2, ['#111111', '#222222', '#333333'])).toEqual(['#111111', '#222222']);
    expect(paletteFor(3, ['#111111'])).toHaveLength(3);
  });
});
