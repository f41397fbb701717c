import type { Db } from '@passerelle/db';
import type { Indicator } from './indicators.ts';
import { cacheKey, pageCache, type PageCache } from './page-cache.ts';
import { publishedEditions, publishedTrend, versionEstimates, versionIndicators, type PublicEstimate, type PublishedVersion, type TrendPoint } from './published.ts';
import { chartLevels, levelsOf, parseView, type Tab, type View } from './view.ts';
import { change } from './estimate.ts';

export { TABS, VIEW_BREAKDOWNS, levelsOf, parseView, viewQuery, chartLevels, type Tab, type View } from './view.ts';

// The data of the public pages (overview, indicator pages, embeds), read through published.ts only and
// served from the per-version cache (page-cache.ts). The view of an indicator page lives in its URL:
// ?year=&by=&level=&tab=; a value that makes no sense falls back to the default, never to an error.

export interface EditionSummary {
  year: number;
  versionId: string;
  number: number;
  synthetic: boolean;
  releaseAt: Date;
}

const summary = (e: PublishedVersion): EditionSummary => ({ year: e.year, versionId: e.versionId, number: e.number, synthetic: e.synthetic, releaseAt: e.releaseAt });

export interface Series {
  /** 'all' for the whole region, else a level of the breakdown. */
  level: string;
  points: TrendPoint[];
}

export interface IndicatorPage {
  editions: EditionSummary[];
  version: PublishedVersion;
  indicator: Indicator;
  /** The other indicators of the year (for the list beside the page). */
  indicators: { id: string; name: Indicator['name'] }[];
  view: View;
  overall: PublicEstimate | null;
  /** The year's figures for the chosen breakdown (the Table tab and the CSV of the view). */
  table: PublicEstimate[];
  /** The year's figures per commune (the Map tab). */
  communes: PublicEstimate[];
  /** Trends across editions for the chart: the region, then the breakdown's levels shown. */
  series: Series[];
  /** The edition's disclosure thresholds (for the flags and the method). */
  thresholds: { minN: number; reliableN: number };
}

/** Everything an indicator page shows, or null when the indicator is not in the year's released version. */
export async function indicatorPage(db: Db, { indicatorId, params, defaultTab }: { indicatorId: string; params: URLSearchParams; defaultTab?: Tab }, now: Date = new Date(), cache: PageCache = pageCache): Promise<IndicatorPage | null> {
  const editions = await publishedEditions(db, now);
  const view = parseView(params, editions.map((e) => e.year), defaultTab);
  if (!view) return null;
  const version = editions.find((e) => e.year === view.year)!;
  // The tab is not part of the data: every tab of a view shares one entry.
  const key = cacheKey('indicator', editions.map((e) => e.versionId), { indicatorId, year: view.year, by: view.by, level: view.level ?? '' });
  const data = await cache.get(key, async () => {
    const indicators = await versionIndicators(db, version.versionId);
    const indicator = indicators.find((i) => i.id === indicatorId);
    if (!indicator) return null;
    const [overall, table, communes] = await Promise.all([
      versionEstimates(db, version.versionId, { indicatorId, breakdown: 'overall' }),
      view.by === 'overall' ? Promise.resolve(null) : versionEstimates(db, version.versionId, { indicatorId, breakdown: view.by }),
      versionEstimates(db, version.versionId, { indicatorId, breakdown: 'commune' })
    ]);
    const order = levelsOf(view.by);
    const sorted = (table ?? overall).sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
    const series: Series[] = [{ level: 'all', points: await publishedTrend(db, { indicatorId }, now) }];
    for (const level of chartLevels(view)) series.push({ level, points: await publishedTrend(db, { indicatorId, breakdown: view.by, level }, now) });
    const thresholds = (await db.barometerEdition.findUnique({ where: { year: version.year }, select: { minN: true, reliableN: true } })) ?? { minN: 20, reliableN: 50 };
    return { editions: editions.map(summary), version, indicator, indicators: indicators.map((i) => ({ id: i.id, name: i.name })), overall: overall[0] ?? null, table: sorted, communes, series, thresholds };
  });
  return data ? { ...data, view } : null;
}

/** The headline indicators of the overview, in this order when the version has them. */
export const HEADLINES = ['digitally_vulnerable', 'non_users', 'skills_low', 'skills_none', 'no_home_internet', 'admin_help'] as const;

export interface Headline {
  indicatorId: string;
  name: Indicator['name'];
  estimate: PublicEstimate;
  /** Against the previous released edition (null when there is none, or a figure is hidden). */
  change: { fromYear: number; from: number; difference: number; se: number; significant: boolean } | null;
}

export interface Overview {
  editions: EditionSummary[];
  version: PublishedVersion;
  /** Respondents of the edition (the n of the overall figure of the first headline). */
  respondents: number | null;
  headlines: Headline[];
  indicators: { id: string; name: Indicator['name']; estimate: PublicEstimate | null }[];
}

/** The overview of the latest released edition, or null when nothing is released. */
export async function overview(db: Db, now: Date = new Date(), cache: PageCache = pageCache): Promise<Overview | null> {
  const editions = await publishedEditions(db, now);
  const version = editions.at(-1);
  if (!version) return null;
  const previous = editions.at(-2) ?? null;
  return cache.get(cacheKey('overview', editions.map((e) => e.versionId)), async () => {
    const indicators = await versionIndicators(db, version.versionId);
    const current = new Map((await versionEstimates(db, version.versionId, { breakdown: 'overall' })).map((e) => [e.indicatorId, e]));
    const before = previous ? new Map((await versionEstimates(db, previous.versionId, { breakdown: 'overall' })).map((e) => [e.indicatorId, e])) : new Map<string, PublicEstimate>();
    const headlines: Headline[] = [];
    for (const id of HEADLINES) {
      const indicator = indicators.find((i) => i.id === id);
      const estimate = current.get(id);
      if (!indicator || !estimate || estimate.proportion === null) continue;
      const old = before.get(id);
      const c = previous && old && old.proportion !== null && old.se !== null && estimate.se !== null ? { fromYear: previous.year, from: old.proportion, ...change({ proportion: old.proportion, se: old.se }, { proportion: estimate.proportion, se: estimate.se }) } : null;
      headlines.push({ indicatorId: id, name: indicator.name, estimate, change: c });
    }
    return {
      editions: editions.map(summary),
      version,
      respondents: headlines[0]?.estimate.n ?? null,
      headlines,
      indicators: indicators.map((i) => ({ id: i.id, name: i.name, estimate: current.get(i.id) ?? null }))
    };
  });
}
