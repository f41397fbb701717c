export { default as Chart } from './chart.svelte';
export {
  DEFAULT_CHART_COLORS,
  buildChartConfig,
  chartSummary,
  chartTable,
  numberFormatter,
  type ChartTable,
} from './chart-data.ts';
export type { ChartDataset, ChartI18n, ChartKind, Interval } from './types.ts';
