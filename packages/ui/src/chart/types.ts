import type { Template } from '../lib/template.ts';

export type ChartKind = 'bar' | 'line';

/** A range around a value, e.g. a 95% confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

interface DatasetBase {
  /** Series name, shown in the legend and as a table column header. */
  label: string;
  /** One value per category label; null = no value. */
  data: Array<number | null>;
  /** CSS colour; default from --color-chart-1…5. Needs 3:1 contrast with the background. */
  color?: string;
}

export type ChartDataset = DatasetBase &
  (
    | { errorBars?: undefined; errorBarsLabel?: undefined }
    | {
        /** One interval per value (null = none); drawn as whiskers and listed in the table. */
        errorBars: Array<Interval | null>;
        /** Translated header of the interval column, e.g. "95% confidence interval". */
        errorBarsLabel: string;
      }
  );

/** Translated texts for Chart. */
export interface ChartI18n {
  /** Summary of the <details> holding the data table, e.g. "Show as table". */
  showTable: string;
  /** Cell text for a missing value, e.g. "No data". */
  noData: string;
  /**
   * Optional sentence per series added to the canvas's accessible name when no `description` is
   * given, e.g. "{series}: lowest {minLabel} ({min}), highest {maxLabel} ({max})".
   */
  rangeSummary?: Template<{ series: string; min: string; max: string; minLabel: string; maxLabel: string }>;
}
