import type { Db } from '@passerelle/db';
import { isHidden, type CellStatus } from './disclosure.ts';
import { change } from './estimate.ts';
import { ZIndicator, type Indicator, type Localized } from './indicators.ts';

// What the public may see: released versions only (approved, and their release time has passed, in the
// database's clock compared with `now`). Every public page, API answer, export, sitemap and cache goes
// through these functions, so an embargoed or draft version can leak through none of them. Hidden cells
// (suppressed by disclosure control, or empty) carry no figure at all, not even n.

export interface PublishedVersion {
  versionId: string;
  year: number;
  number: number;
  releaseAt: Date;
  synthetic: boolean;
  /** What this version corrects (null for a first version). */
  correctionNote: Localized | null;
  source: string;
}

/** One figure as the public sees it. All numbers are null when the cell is hidden. */
export interface PublicEstimate {
  indicatorId: string;
  breakdown: string;
  level: string;
  status: CellStatus;
  n: number | null;
  proportion: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  total: number | null;
  seTotal: number | null;
}

type VersionRow = { id: string; number: number; releaseAt: Date | null; correctionNote: unknown; source: string; edition: { year: number; synthetic: boolean } };

function toPublished(v: VersionRow): PublishedVersion {
  return { versionId: v.id, year: v.edition.year, number: v.number, releaseAt: v.releaseAt!, synthetic: v.edition.synthetic, correctionNote: (v.correctionNote as Localized | null) ?? null, source: v.source };
}

const released = (now: Date) => ({ status: 'approved', releaseAt: { lte: now } });

/** The latest released version of each year, oldest year first. */
export async function publishedEditions(db: Db, now: Date = new Date()): Promise<PublishedVersion[]> {
  const rows = await db.barometerVersion.findMany({ where: released(now), orderBy: [{ edition: { year: 'asc' } }, { number: 'desc' }], include: { edition: { select: { year: true, synthetic: true } } } });
  const latest = new Map<number, PublishedVersion>();
  for (const r of rows) if (!latest.has(r.edition.year)) latest.set(r.edition.year, toPublished(r));
  return [...latest.values()];
}

/** Every released version of a year, newest first (the public corrections log). */
export async function publishedVersions(db: Db, year: number, now: Date = new Date()): Promise<PublishedVersion[]> {
  const rows = await db.barometerVersion.findMany({ where: { ...released(now), edition: { year } }, orderBy: { number: 'desc' }, include: { edition: { select: { year: true, synthetic: true } } } });
  return rows.map(toPublished);
}

/** A released version by year and number (for permalinks to a version), or the latest when number is omitted. */
export async function publishedVersion(db: Db, year: number, number?: number, now: Date = new Date()): Promise<PublishedVersion | null> {
  const row = await db.barometerVersion.findFirst({ where: { ...released(now), edition: { year }, ...(number === undefined ? {} : { number }) }, orderBy: { number: 'desc' }, include: { edition: { select: { year: true, synthetic: true } } } });
  return row ? toPublished(row) : null;
}

/** The indicators (definitions and rules) a released version was computed with, in catalogue order. */
export async function versionIndicators(db: Db, versionId: string): Promise<Indicator[]> {
  const v = await db.barometerVersion.findUnique({ where: { id: versionId }, select: { indicators: true } });
  return ((v?.indicators as unknown[]) ?? []).map((d) => ZIndicator.parse(d));
}

type EstimateRow = { indicatorId: string; breakdown: string; level: string; status: string; n: number; proportion: number | null; se: number | null; ciLow: number | null; ciHigh: number | null; total: number | null; seTotal: number | null };

/** Strips every figure of a hidden cell. */
export function toPublicEstimate(r: EstimateRow): PublicEstimate {
  const status = r.status as CellStatus;
  if (isHidden(status)) return { indicatorId: r.indicatorId, breakdown: r.breakdown, level: r.level, status, n: null, proportion: null, se: null, ciLow: null, ciHigh: null, total: null, seTotal: null };
  return { indicatorId: r.indicatorId, breakdown: r.breakdown, level: r.level, status, n: r.n, proportion: r.proportion, se: r.se, ciLow: r.ciLow, ciHigh: r.ciHigh, total: r.total, seTotal: r.seTotal };
}

const estimateSelect = { indicatorId: true, breakdown: true, level: true, status: true, n: true, proportion: true, se: true, ciLow: true, ciHigh: true, total: true, seTotal: true } as const;

/** Estimates of a released version (all indicators when indicatorId is omitted), disclosure applied. */
export async function versionEstimates(db: Db, versionId: string, filter: { indicatorId?: string; breakdown?: string } = {}): Promise<PublicEstimate[]> {
  const rows = await db.barometerEstimate.findMany({
    where: { versionId, ...(filter.indicatorId ? { indicatorId: filter.indicatorId } : {}), ...(filter.breakdown ? { breakdown: filter.breakdown } : {}) },
    select: estimateSelect,
    orderBy: [{ indicatorId: 'asc' }, { breakdown: 'asc' }, { level: 'asc' }]
  });
  return rows.map(toPublicEstimate);
}

export interface PublishedTable {
  version: PublishedVersion;
  indicator: Indicator;
  breakdown: string;
  rows: PublicEstimate[];
}

/** One released table (an indicator in one breakdown of the year's latest released version), or null. */
export async function publishedTable(db: Db, { year, indicatorId, breakdown = 'overall', number }: { year: number; indicatorId: string; breakdown?: string; number?: number }, now: Date = new Date()): Promise<PublishedTable | null> {
  const version = await publishedVersion(db, year, number, now);
  if (!version) return null;
  const indicator = (await versionIndicators(db, version.versionId)).find((i) => i.id === indicatorId);
  if (!indicator) return null;
  const rows = await versionEstimates(db, version.versionId, { indicatorId, breakdown });
  if (rows.length === 0) return null;
  return { version, indicator, breakdown, rows };
}

export interface TrendPoint {
  year: number;
  versionId: string;
  estimate: PublicEstimate;
  /** Against the previous released edition that has a shown figure for the same cell. */
  change: { fromYear: number; difference: number; se: number; significant: boolean } | null;
}

/** An indicator's figure for one cell (breakdown + level) across the released editions, with changes. */
export async function publishedTrend(db: Db, { indicatorId, breakdown = 'overall', level = 'all' }: { indicatorId: string; breakdown?: string; level?: string }, now: Date = new Date()): Promise<TrendPoint[]> {
  const editions = await publishedEditions(db, now);
  if (editions.length === 0) return [];
  const rows = await db.barometerEstimate.findMany({ where: { versionId: { in: editions.map((e) => e.versionId) }, indicatorId, breakdown, level }, select: { ...estimateSelect, versionId: true } });
  const byVersion = new Map(rows.map((r) => [r.versionId, toPublicEstimate(r)]));
  const out: TrendPoint[] = [];
  let previous: TrendPoint | null = null;
  for (const e of editions) {
    const estimate = byVersion.get(e.versionId);
    if (!estimate) continue;
    let c: TrendPoint['change'] = null;
    if (previous && previous.estimate.proportion !== null && previous.estimate.se !== null && estimate.proportion !== null && estimate.se !== null) {
      c = { fromYear: previous.year, ...change({ proportion: previous.estimate.proportion, se: previous.estimate.se }, { proportion: estimate.proportion, se: estimate.se }) };
    }
    const point: TrendPoint = { year: e.year, versionId: e.versionId, estimate, change: c };
    out.push(point);
    if (estimate.proportion !== null) previous = point;
  }
  return out;
}
