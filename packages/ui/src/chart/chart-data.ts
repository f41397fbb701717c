// Pure helpers for Chart: table rows, accessible summary and the chart.js configuration.
// Only *types* come from chart.js here, so server rendering never loads the library.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { fillTemplate } from '../lib/template.ts';
import type { ChartDataset, ChartI18n, ChartKind, Interval } from './types.ts';

/** Colour-blind-friendly defaults (Okabe–Ito, darkened): each has at least 4.5:1 on white. */
export const DEFAULT_CHART_COLORS = ['#0072b2', '#b35900', '#007a5a', '#9e3b76', '#505a5f'] as const;

/** Line series also differ by point shape and dash, not only by colour. */
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot'] as const;
export const LINE_DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4]];

export type NumberFormat = (value: number) => string;

export function numberFormatter(locale: string, options?: Intl.NumberFormatOptions): NumberFormat {
  const formatter = new Intl.NumberFormat(locale, options);
  return (value) => formatter.format(value);
}

export function formatInterval(interval: Interval, format: NumberFormat): string {
  return `${format(interval.low)} – ${format(interval.high)}`;
}

export interface TableCell {
  text: string;
  missing: boolean;
}

export interface ChartTable {
  headers: string[];
  rows: Array<{ label: string; cells: TableCell[] }>;
}

/** The same numbers as the chart, as a table: one row per category, one column per series (+ intervals). */
export function chartTable(options: {
  labels: string[];
  datasets: ChartDataset[];
  unit?: string;
  format: NumberFormat;
  noData: string;
}): ChartTable {
  const { labels, datasets, unit, format, noData } = options;
  const headers: string[] = [];
  for (const dataset of datasets) {
    headers.push(unit ? `${dataset.label} (${unit})` : dataset.label);
    if (dataset.errorBars) headers.push(`${dataset.label}: ${dataset.errorBarsLabel}`);
  }
  const rows = labels.map((label, index) => {
    const cells: TableCell[] = [];
    for (const dataset of datasets) {
      const value = dataset.data[index];
      cells.push(
        value === null || value === undefined || Number.isNaN(value)
          ? { text: noData, missing: true }
          : { text: format(value), missing: false },
      );
      if (dataset.errorBars) {
        const interval = dataset.errorBars[index];
        cells.push(interval ? { text: formatInterval(interval, format), missing: false } : { text: noData, missing: true });
      }
    }
    return { label, cells };
  });
  return { headers, rows };
}

/** Accessible name of the canvas: title, then the author's description or a generated range summary. */
export function chartSummary(options: {
  title: string;
  description?: string;
  labels: string[];
  datasets: ChartDataset[];
  format: NumberFormat;
  rangeSummary?: ChartI18n['rangeSummary'];
}): string {
  const { title, description, labels, datasets, format, rangeSummary } = options;
  const parts = [title];
  if (description) {
    parts.push(description);
  } else if (rangeSummary) {
    for (const dataset of datasets) {
      let min: number | undefined;
      let max: number | undefined;
      dataset.data.forEach((value, index) => {
        if (value === null || value === undefined || Number.isNaN(value)) return;
        if (min === undefined || value < (dataset.data[min] as number)) min = index;
        if (max === undefined || value > (dataset.data[max] as number)) max = index;
      });
      if (min === undefined || max === undefined) continue;
      parts.push(
        fillTemplate(rangeSummary, {
          series: dataset.label,
          min: format(dataset.data[min] as number),
          max: format(dataset.data[max] as number),
          minLabel: labels[min] ?? '',
          maxLabel: labels[max] ?? '',
        }),
      );
    }
  }
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/[.!?…:]$/.test(part) ? part : `${part}.`))
    .join(' ');
}

export type ChartConfig = ChartConfiguration<'bar' | 'line', Array<number | null>, string>;

export interface ChartConfigOptions {
  type: ChartKind;
  labels: string[];
  datasets: ChartDataset[];
  format: NumberFormat;
  unit?: string;
  categoryLabel: string;
  horizontal?: boolean;
  /** One colour per dataset (already resolved from props and CSS variables). */
  colors: string[];
  /** Bar fills (solid colours or canvas patterns), one per dataset; default the colours. */
  fills?: Array<string | CanvasPattern>;
  textColor: string;
  gridColor: string;
  fontFamily?: string;
  locale: string;
}

/** Whiskers for datasets with errorBars, drawn after the bars/lines. */
export function errorBarsPlugin(datasets: ChartDataset[], color: string): Plugin<'bar' | 'line'> {
  return {
    id: 'passerelleErrorBars',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const horizontal = chart.options.indexAxis === 'y';
      datasets.forEach((dataset, datasetIndex) => {
        if (!dataset.errorBars || !chart.isDatasetVisible(datasetIndex)) return;
        const meta = chart.getDatasetMeta(datasetIndex);
        const scale = meta.vScale;
        if (!scale) return;
        meta.data.forEach((element, index) => {
          const interval = dataset.errorBars?.[index];
          if (!interval) return;
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          const from = scale.getPixelForValue(interval.low);
          const to = scale.getPixelForValue(interval.high);
          const cap = 6;
          ctx.save();
          ctx.strokeStyle = color;
          ctx.lineWidth = 2;
          ctx.beginPath();
          if (horizontal) {
            ctx.moveTo(from, y);
            ctx.lineTo(to, y);
            ctx.moveTo(from, y - cap);
            ctx.lineTo(from, y + cap);
            ctx.moveTo(to, y - cap);
            ctx.lineTo(to, y + cap);
          } else {
            ctx.moveTo(x, from);
            ctx.lineTo(x, to);
            ctx.moveTo(x - cap, from);
            ctx.lineTo(x + cap, from);
            ctx.moveTo(x - cap, to);
            ctx.lineTo(x + cap, to);
          }
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };
}

export function buildChartConfig(options: ChartConfigOptions): ChartConfig {
  const { type, labels, datasets, format, unit, categoryLabel, horizontal = false, colors, fills } = options;
  const { textColor, gridColor, fontFamily, locale } = options;
  const valueAxis = horizontal ? 'x' : 'y';
  const categoryAxis = horizontal ? 'y' : 'x';

  // Keep whiskers inside the plot area.
  let suggestedMin: number | undefined;
  let suggestedMax: number | undefined;
  for (const dataset of datasets) {
    for (const interval of dataset.errorBars ?? []) {
      if (!interval) continue;
      suggestedMin = Math.min(suggestedMin ?? interval.low, interval.low);
      suggestedMax = Math.max(suggestedMax ?? interval.high, interval.high);
    }
  }

  const font = { size: 14, ...(fontFamily ? { family: fontFamily } : {}) };

  return {
    type,
    data: {
      labels,
      datasets: datasets.map((dataset, index) => {
        const color = colors[index % colors.length] ?? DEFAULT_CHART_COLORS[0];
        return {
          label: dataset.label,
          data: dataset.data,
          borderColor: color,
          backgroundColor: fills?.[index] ?? color,
          borderWidth: type === 'line' ? 3 : 2,
          pointStyle: POINT_STYLES[index % POINT_STYLES.length],
          pointRadius: type === 'line' ? 5 : 0,
          pointHoverRadius: 7,
          pointBackgroundColor: color,
          borderDash: type === 'line' ? LINE_DASHES[index % LINE_DASHES.length] : [],
          spanGaps: false,
        };
      }),
    },
    options: {
      locale,
      responsive: true,
      maintainAspectRatio: false,
      // Old phones: no animation at all (also honours reduced motion).
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false },
      color: textColor,
      font,
      scales: {
        [valueAxis]: {
          beginAtZero: true,
          ...(suggestedMin !== undefined ? { suggestedMin } : {}),
          ...(suggestedMax !== undefined ? { suggestedMax } : {}),
          title: { display: Boolean(unit), text: unit ?? '', color: textColor, font },
          ticks: { color: textColor, font, callback: (value: number | string) => format(Number(value)) },
          grid: { color: gridColor },
          border: { color: textColor },
        },
        [categoryAxis]: {
          title: { display: Boolean(categoryLabel), text: categoryLabel, color: textColor, font },
          ticks: { color: textColor, font },
          grid: { display: false },
          border: { color: textColor },
        },
      },
      plugins: {
        legend: {
          display: datasets.length > 1,
          position: 'bottom',
          labels: { color: textColor, font, usePointStyle: type === 'line', boxWidth: 24, boxHeight: 16 },
        },
        tooltip: {
          callbacks: {
            label(context) {
              const dataset = datasets[context.datasetIndex];
              const raw = context.raw;
              if (!dataset || typeof raw !== 'number') return '';
              const interval = dataset.errorBars?.[context.dataIndex];
              return `${dataset.label}: ${format(raw)}${interval ? ` (${formatInterval(interval, format)})` : ''}`;
            },
          },
        },
      },
    },
    plugins: [errorBarsPlugin(datasets, textColor)],
  };
}
