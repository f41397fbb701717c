export interface TrendLine {
  label: string;
  /** One per year of the chart: the estimate and its interval (0..1), null when not shown. */
  values: Array<{ p: number; low: number | null; high: number | null } | null>;
}
