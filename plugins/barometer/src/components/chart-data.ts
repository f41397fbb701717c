import type { Series } from '../services/overview.ts';
import { levelLabel, percent } from './labels.ts';
import type { TrendLine } from './types.ts';

/** The chart's lines (and their changes) from the page's series, one value per released year. */
export function trendLines(series: Series[], years: number[], by: string, locale: string) {
  const lines: TrendLine[] = series.map((s) => ({
    label: levelLabel(s.level === 'all' ? 'overall' : by, s.level, locale),
    values: years.map((y) => {
      const p = s.points.find((x) => x.year === y);
      return p && p.estimate.proportion !== null ? { p: p.estimate.proportion, low: p.estimate.ciLow, high: p.estimate.ciHigh } : null;
    })
  }));
  const changes = series.map((s) => years.map((y) => s.points.find((x) => x.year === y)?.change ?? null));
  return { lines, changes };
}

/** One sentence per line for the canvas's accessible name: the latest value. */
export function trendSummary(lines: TrendLine[], years: number[], locale: string, sentence: (v: { series: string; value: string; year: number }) => string): string {
  return lines
    .map((l) => {
      for (let k = years.length - 1; k >= 0; k--) {
        const v = l.values[k];
        if (v) return sentence({ series: l.label, value: percent(v.p, locale), year: years[k]! });
      }
      return '';
    })
    .filter(Boolean)
    .join(' ');
}
