import { BREAKDOWNS, variableById, type CategoricalVariable } from './variables.ts';

// The view of an indicator page, as it lives in its URL: ?year=&by=&level=&tab=. Pure (no database): the
// pages use it in the browser too. A value that makes no sense falls back to the default, never to an
// error.

export const TABS = ['chart', 'map', 'table', 'sources', 'download'] as const;
export type Tab = (typeof TABS)[number];
export const VIEW_BREAKDOWNS = ['overall', ...BREAKDOWNS] as const;

export interface View {
  year: number;
  /** "overall" or a one-way breakdown (commune, age_band...). */
  by: string;
  /** One level of the breakdown to follow on the chart (a commune...), or null. */
  level: string | null;
  tab: Tab;
}

/** Levels (codes) of a breakdown; ['all'] for overall. */
export function levelsOf(by: string): readonly string[] {
  if (by === 'overall') return ['all'];
  const v = variableById.get(by);
  return v && v.kind === 'category' ? (v as CategoricalVariable).codes : [];
}

/** The view asked for in the URL, each part checked; anything unknown falls back to the default. */
export function parseView(params: URLSearchParams, years: readonly number[], defaultTab: Tab = 'chart'): View | null {
  if (years.length === 0) return null;
  const latest = Math.max(...years);
  const yearText = params.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) && years.includes(Number(yearText)) ? Number(yearText) : latest;
  const byText = params.get('by') ?? '';
  const by = (VIEW_BREAKDOWNS as readonly string[]).includes(byText) ? byText : 'overall';
  const levelText = params.get('level') ?? '';
  const level = by !== 'overall' && levelsOf(by).includes(levelText) ? levelText : null;
  const tabText = params.get('tab') ?? '';
  const tab = (TABS as readonly string[]).includes(tabText) ? (tabText as Tab) : defaultTab;
  return { year, by, level, tab };
}

/** The query string of a view (defaults left out, so that permalinks stay short). */
export function viewQuery(view: Partial<View>, latestYear?: number): string {
  const q = new URLSearchParams();
  if (view.year !== undefined && view.year !== latestYear) q.set('year', String(view.year));
  if (view.by && view.by !== 'overall') q.set('by', view.by);
  if (view.level) q.set('level', view.level);
  if (view.tab && view.tab !== 'chart') q.set('tab', view.tab);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Chart lines: the region, plus the chosen level, or every level when there are few (not the 19 communes). */
export function chartLevels(view: View): string[] {
  if (view.by === 'overall') return [];
  if (view.level) return [view.level];
  const levels = levelsOf(view.by);
  return levels.length <= 6 ? [...levels] : [];
}

