// Pure helpers for the choropleth: class boundaries, class of a value, colours and legend.

/** ColorBrewer "Blues" (sequential, colour-blind safe), by number of classes. */
export const SEQUENTIAL_BLUES: Readonly<Record<number, readonly string[]>> = {
  1: ['#3182bd'],
  2: ['#9ecae1', '#08519c'],
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
};

export type ValueMap = Readonly<Record<string, number | null | undefined>>;

export function finiteValues(values: ValueMap): number[] {
  return Object.values(values).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/**
 * Quantile class boundaries taken from the data itself (so the legend shows real values):
 * `classes + 1` ascending numbers from the minimum to the maximum, fewer when values repeat.
 */
export function quantileBreaks(values: number[], classes: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const n = Math.max(1, Math.min(Math.trunc(classes), 7));
  const bounds: number[] = [];
  for (let k = 0; k <= n; k++) {
    const value = sorted[Math.round(((sorted.length - 1) * k) / n)]!;
    if (bounds.length === 0 || value > bounds[bounds.length - 1]!) bounds.push(value);
  }
  return bounds;
}

/** Number of classes described by a list of boundaries. */
export function classCount(bounds: readonly number[]): number {
  return bounds.length === 0 ? 0 : Math.max(1, bounds.length - 1);
}

/** 0-based class of a value: [b0, b1), [b1, b2), … [bn-1, bn] (the last class includes its top). */
export function classify(value: number, bounds: readonly number[]): number {
  const count = classCount(bounds);
  for (let i = count - 1; i > 0; i--) if (value >= bounds[i]!) return i;
  return 0;
}

export function paletteFor(count: number, custom?: readonly string[]): readonly string[] {
  if (custom && custom.length >= count) return custom.slice(0, count);
  return SEQUENTIAL_BLUES[Math.max(1, Math.min(count, 7))] ?? SEQUENTIAL_BLUES[5]!;
}

export interface LegendClass {
  from: number;
  to: number;
  color: string;
}

export function legendClasses(bounds: readonly number[], palette: readonly string[]): LegendClass[] {
  if (bounds.length === 0) return [];
  if (bounds.length === 1) return [{ from: bounds[0]!, to: bounds[0]!, color: palette[0]! }];
  return bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1]!, color: palette[i]! }));
}

/** Fill colour of each NIS code that has a value. */
export function colorsByNis(values: ValueMap, bounds: readonly number[], palette: readonly string[]): Record<string, string> {
  const colors: Record<string, string> = {};
  for (const [nis, value] of Object.entries(values)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || bounds.length === 0) continue;
    colors[nis] = palette[classify(value, bounds)]!;
  }
  return colors;
}
