import { describe, expect, it } from 'vitest';
import { ciRuns, trendGeometry, trendScale, trendStyle } from './trend-svg.ts';
import type { TrendLine } from './types.ts';

const line = (label: string, values: TrendLine['values']): TrendLine => ({ label, values });

describe('the server-drawn trend chart', () => {
  it('finds the runs of years with an interval (a year without a figure or an interval ends one)', () => {
    const ci = { p: 0.4, low: 0.3, high: 0.5 };
    expect(ciRuns([ci, ci, null, { p: 1, low: null, high: null }, ci])).toEqual([[0, 1], [4]]);
    expect(ciRuns([null, null])).toEqual([]);
  });

  it('draws a narrow version for phones: one legend column, fewer year labels when they would collide', () => {
    const years = Array.from({ length: 12 }, (_, i) => 2014 + i);
    const lines = [line('a', years.map(() => ({ p: 0.3, low: 0.2, high: 0.4 }))), line('b', years.map(() => ({ p: 0.5, low: 0.4, high: 0.6 })))];
    const wide = trendGeometry(years, lines, 'nl-BE', 720);
    const narrow = trendGeometry(years, lines, 'nl-BE', 360);
    expect(wide.xTicks).toHaveLength(12);
    expect(narrow.xTicks.length).toBeLessThan(12);
    expect(narrow.xTicks.at(-1)!.label).toBe('2025');
    for (let k = 1; k < narrow.xTicks.length; k++) expect(narrow.xTicks[k]!.x - narrow.xTicks[k - 1]!.x).toBeGreaterThanOrEqual(24);
    expect(new Set(wide.legend.map((l) => l.y)).size).toBe(1);
    expect(new Set(narrow.legend.map((l) => l.x)).size).toBe(1);
    expect(narrow.width).toBe(360);
  });

  it('picks a round top for the y axis that holds every interval, never above 100%', () => {
    expect(trendScale([line('a', [{ p: 0.4, low: 0.37, high: 0.43 }])])).toEqual({ max: 0.5, step: 0.1 });
    expect(trendScale([line('a', [{ p: 0.03, low: 0.02, high: 0.041 }])])).toEqual({ max: 0.05, step: 0.01 });
    expect(trendScale([line('a', [{ p: 1, low: null, high: null }])])).toEqual({ max: 1, step: 0.2 });
    expect(trendScale([line('a', [null, null])])).toEqual({ max: 1, step: 0.25 });
  });

  it('draws one band per run of years with an interval, and joins the line over a missing year', () => {
    const g = trendGeometry([2021, 2023, 2025, 2027], [line('Bruxelles', [{ p: 0.4, low: 0.35, high: 0.45 }, { p: 0.38, low: 0.33, high: 0.43 }, null, { p: 0.3, low: null, high: null }])], 'fr-BE');
    const s = g.series[0]!;
    expect(s.points).toHaveLength(3);
    expect(s.path.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    expect(s.bands).toHaveLength(1);
    expect(s.bands[0]!.split(' ')).toHaveLength(4);
    // y grows downwards: the upper bound is above the estimate, the lower one below.
    const [, highY] = s.bands[0]!.split(' ')[0]!.split(',').map(Number);
    expect(highY).toBeLessThan(s.points[0]!.y);
    expect(g.yTicks.map((t) => t.label.replace(/\s/g, ' '))).toEqual(['0 %', '10 %', '20 %', '30 %', '40 %', '50 %']);
    expect(g.legend).toEqual([]);
  });

  it('gives a legend to several lines, and each line its own colour or dash', () => {
    const lines = Array.from({ length: 7 }, (_, i) => line(`s${i}`, [{ p: 0.1 * (i + 1), low: 0.05, high: 0.8 }]));
    const g = trendGeometry([2025], lines, 'en-GB');
    expect(g.legend).toHaveLength(7);
    const styles = new Set(lines.map((_, i) => JSON.stringify(trendStyle(i))));
    expect(styles.size).toBe(7);
    expect(g.height).toBeGreaterThan(g.plot.bottom + 4 * 26);
    // One year: the point is in the middle, its band a small box.
    expect(g.series[0]!.points[0]!.x).toBe((g.plot.left + g.plot.right) / 2);
    expect(g.series[0]!.bands[0]!.split(' ')).toHaveLength(4);
  });
});
