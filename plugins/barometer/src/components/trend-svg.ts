// The trend chart drawn on the server as SVG: what every visitor sees first, with or without JavaScript,
// and what the PNG download is made of. The lines, their 95% confidence bands and the y scale are the
// ones the interactive chart (client/chart.ts, chart.js) draws on demand, from the same constants.
import { DEFAULT_CHART_COLORS, LINE_DASHES } from '@passerelle/ui/chart/chart-data.ts';
import type { TrendLine } from './types.ts';

/** The two drawings the page holds: wide (screens, and the PNG) and narrow (phones, about 1:1 there). */
export const TREND_WIDTHS = { wide: 720, narrow: 360 } as const;
const INSET = 28; // the first and last years stay clear of the axes
const LEGEND_ROW = 26;

/** Colour and dash of line i: five colours that keep 3:1 on white, and a dash that changes with them. */
export function trendStyle(i: number): { color: string; dash: number[] } {
  const n = DEFAULT_CHART_COLORS.length;
  return { color: DEFAULT_CHART_COLORS[i % n]!, dash: LINE_DASHES[(i + Math.floor(i / n)) % LINE_DASHES.length]! };
}

/** Top of the y axis and its step: round figures, 3 to 6 intervals, never above 100%. */
export function trendScale(lines: TrendLine[]): { max: number; step: number } {
  const highest = Math.max(0, ...lines.flatMap((l) => l.values.map((v) => (v ? (v.high ?? v.p) : 0))));
  if (highest <= 0) return { max: 1, step: 0.25 };
  for (const step of [0.01, 0.02, 0.05, 0.1, 0.2, 0.25]) {
    const max = Math.min(1, Math.ceil(highest / step - 1e-9) * step);
    if (max / step <= 6) return { max, step };
  }
  return { max: 1, step: 0.25 };
}

/**
 * The runs of consecutive years whose figure has an interval (indexes into `values`): one band each, on
 * the SVG and on the interactive chart. A year without a figure, or without an interval (p is 0 or 1),
 * ends a run.
 */
export function ciRuns(values: TrendLine['values']): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  values.forEach((v, k) => {
    if (v && v.low !== null && v.high !== null) run.push(k);
    else if (run.length > 0) (runs.push(run), (run = []));
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

export interface TrendGeometry {
  width: number;
  height: number;
  fontSize: number;
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: Array<{ y: number; label: string }>;
  xTicks: Array<{ x: number; label: string }>;
  series: Array<{ label: string; color: string; dash: string; path: string; bands: string[]; points: Array<{ x: number; y: number }> }>;
  legend: Array<{ x: number; y: number; label: string; color: string; dash: string }>;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** Everything the SVG needs, in its own coordinates (`width` wide). */
export function trendGeometry(years: number[], lines: TrendLine[], locale: string, width: number = TREND_WIDTHS.wide): TrendGeometry {
  const narrow = width < 600;
  const PLOT = { left: narrow ? 48 : 64, right: width - 20, top: 16, bottom: narrow ? 236 : 316 };
  const { max, step } = trendScale(lines);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const y = (v: number) => r(PLOT.bottom - (Math.min(v, max) / max) * (PLOT.bottom - PLOT.top));
  const inner = PLOT.right - PLOT.left - 2 * INSET;
  const x = (k: number) => r(years.length === 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + INSET + (k * inner) / (years.length - 1));
  const yTicks = [];
  for (let k = 0; k * step <= max + 1e-9; k++) yTicks.push({ y: y(k * step), label: pct.format(k * step) });
  const series = lines.map((line, i) => {
    const { color, dash } = trendStyle(i);
    const points: Array<{ x: number; y: number }> = [];
    line.values.forEach((v, k) => {
      if (v) points.push({ x: x(k), y: y(v.p) });
    });
    const bands = ciRuns(line.values).map((run) => {
      const at = run.map((k) => ({ x: x(k), low: y(line.values[k]!.low!), high: y(line.values[k]!.high!) }));
      if (at.length === 1) {
        const p = at[0]!;
        return `${p.x - 6},${p.high} ${p.x + 6},${p.high} ${p.x + 6},${p.low} ${p.x - 6},${p.low}`;
      }
      return [...at.map((p) => `${p.x},${p.high}`), ...[...at].reverse().map((p) => `${p.x},${p.low}`)].join(' ');
    });
    // Like the interactive chart (spanGaps), a year without a figure does not break the line.
    const path = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
    return { label: line.label, color, dash: dash.join(' '), path, bands, points };
  });
  // Year labels ~48 units apart at least: with many editions on a phone, every other one, counted back
  // from the latest.
  const every = Math.max(1, Math.ceil(years.length / Math.max(1, Math.floor((PLOT.right - PLOT.left) / 48))));
  const xTicks = years.map((year, k) => ({ x: x(k), label: String(year), k })).filter((t) => (years.length - 1 - t.k) % every === 0).map(({ x, label }) => ({ x, label }));
  const columns = narrow ? 1 : 2;
  const legend = lines.length > 1 ? series.map((s, i) => ({ x: PLOT.left + (i % columns) * ((PLOT.right - PLOT.left) / columns), y: PLOT.bottom + 56 + Math.floor(i / columns) * LEGEND_ROW, label: s.label, color: s.color, dash: s.dash })) : [];
  const rows = Math.ceil(legend.length / columns);
  return { width, fontSize: narrow ? 13 : 14, height: PLOT.bottom + 40 + (rows > 0 ? rows * LEGEND_ROW + 12 : 0), plot: PLOT, yTicks, xTicks, series, legend };
}
