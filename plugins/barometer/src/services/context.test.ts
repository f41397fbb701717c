// The context extension point, tested with fixture providers (the real ones, epn-survey's and
// mobile-epn's, are tested in their plugins and, wired, in packages/api): the population handed to
// providers comes from the year's released version only, and whatever a provider does wrong (throws,
// hangs, answers garbage, names an unknown commune) stays out of the answer without breaking it.
import { afterEach, expect, it, vi } from 'vitest';
import type { Db } from '@passerelle/db';
import { describeEachDb } from '@passerelle/db/testing';
import type { BarometerContextFigure, BarometerContextProvider, Bridges } from '@passerelle/trpc';
import { callerFor } from '../test-support.ts';
import { contextFigures, contextPopulation } from './context.ts';
import { COMMUNES } from './variables.ts';

const L = (s: string) => ({ fr: `${s} (fr)`, nl: `${s} (nl)`, en: `${s} (en)` });
const figure = (id: string, values: Record<string, number | null>): BarometerContextFigure => ({ id, label: L(id), unit: L('unit'), source: L('source'), values });

type Cell = { indicatorId: string; level: string; weightSum: number | null; status?: string; n?: number };

let years = 2031;

/** An edition with one version holding the given commune cells; approved with `releaseAt` unless it is null (draft). */
async function version(db: Db, { year, number = 1, cells, releaseAt, editionId }: { year: number; number?: number; cells: Cell[]; releaseAt: Date | null; editionId?: string }) {
  const edition = editionId ? { id: editionId } : await db.barometerEdition.create({ data: { year, synthetic: true } });
  const v = await db.barometerVersion.create({ data: { editionId: edition.id, number, indicators: [], ...(number > 1 ? { correctionNote: L('fix') } : {}) } });
  await db.barometerEstimate.createMany({
    data: cells.map((c) => ({ versionId: v.id, indicatorId: c.indicatorId, breakdown: 'commune', level: c.level, n: c.n ?? 100, weightSum: c.weightSum, proportion: 0.3, se: 0.02, ciLow: 0.26, ciHigh: 0.34, total: (c.weightSum ?? 0) * 0.3, seTotal: 10, status: c.status ?? 'shown' }))
  });
  // An overall cell with a huge Σw must not be taken for a commune.
  await db.barometerEstimate.create({ data: { versionId: v.id, indicatorId: 'non_users', breakdown: 'overall', level: 'all', n: 5000, weightSum: 900_000, proportion: 0.1, status: 'shown' } });
  if (releaseAt) await db.barometerVersion.update({ where: { id: v.id }, data: { status: 'approved', approvedAt: new Date(), releaseAt } });
  return { editionId: edition.id, versionId: v.id };
}

const past = () => new Date(Date.now() - 60_000);

afterEach(() => vi.restoreAllMocks());

describeEachDb('barometer context figures', ({ getDb }) => {
  it('hands providers the released population (widest Σw per commune, hidden cells left out) and returns their figures sorted, every commune present', async () => {
    const db = getDb();
    const year = years++;
    await version(db, {
      year,
      releaseAt: past(),
      cells: [
        { indicatorId: 'non_users', level: '21004', weightSum: 120_000 },
        { indicatorId: 'no_safety_precaution', level: '21004', weightSum: 90_000 },
        // A wider universe for another indicator wins.
        { indicatorId: 'no_home_internet', level: '21004', weightSum: 121_500.5 },
        { indicatorId: 'non_users', level: '21001', weightSum: 80_000 },
        // Hidden cells (small n) give nothing, even with a weight sum stored.
        { indicatorId: 'non_users', level: '21002', weightSum: 7_000, status: 'suppressed', n: 12 },
        { indicatorId: 'no_home_internet', level: '21002', weightSum: 7_100, status: 'suppressed_secondary', n: 25 },
        { indicatorId: 'non_users', level: '21003', weightSum: 30_000, status: 'low_reliability', n: 40 }
      ]
    });
    const seen: Record<string, number>[] = [];
    const perTenK: BarometerContextProvider = async ({ population, year: y }) => {
      seen.push({ ...population });
      expect(y).toBe(year);
      return [figure('zeta.rate', Object.fromEntries(Object.entries(population).map(([nis, p]) => [nis, (3 / p) * 10_000])))];
    };
    const counts: BarometerContextProvider = async () => [figure('alpha.count', { '21004': 3, '21001': 0 })];
    const bridges: Bridges = { barometerContext: [perTenK, counts] };

    expect(await contextPopulation(db, year)).toEqual({ '21004': 121_500.5, '21001': 80_000, '21003': 30_000 });
    const figures = await contextFigures({ db, bridges, year });
    expect(seen).toEqual([{ '21004': 121_500.5, '21001': 80_000, '21003': 30_000 }]);
    expect(figures.map((f) => f.id)).toEqual(['alpha.count', 'zeta.rate']);
    for (const f of figures) expect(Object.keys(f.values).sort()).toEqual([...COMMUNES]);
    expect(figures[0]!.values).toMatchObject({ '21004': 3, '21001': 0, '21002': null, '21019': null });
    expect(figures[1]!.values['21004']).toBeCloseTo(3 / 12.15005, 9);
    expect(figures[1]!.values['21002']).toBeNull();
    expect(figures[1]!.label).toEqual(L('zeta.rate'));

    // The public procedure gives the same, to anyone.
    expect(await callerFor(db, null, { bridges }).published.context({ year })).toEqual({ figures });
    // No provider (both plugins off): nothing, and no error.
    expect(await callerFor(db, null).published.context({ year })).toEqual({ figures: [] });
    await expect(callerFor(db, null, { bridges }).published.context({ year: 12 })).rejects.toThrow();
  });

  it('a provider that throws, hangs or answers garbage is logged and left out; the others still count', async () => {
    const db = getDb();
    const year = years++;
    await version(db, { year, releaseAt: past(), cells: [{ indicatorId: 'non_users', level: '21009', weightSum: 50_000 }] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const good: BarometerContextProvider = async ({ population }) => [figure('good.population_share', { '21009': population['21009']! / 1000 })];
    const broken: BarometerContextProvider = async () => {
      throw new Error('relation "epn_place" does not exist');
    };
    const syncThrow: BarometerContextProvider = () => {
      throw new Error('thrown before any promise');
    };
    const hangs: BarometerContextProvider = () => new Promise(() => {});
    const notAList = (async () => ({ id: 'x' })) as unknown as BarometerContextProvider;
    const figures = await contextFigures({ db, bridges: { barometerContext: [broken, syncThrow, hangs, notAList, good] }, year, timeoutMs: 300 });
    expect(figures).toEqual([figure('good.population_share', { ...Object.fromEntries(COMMUNES.map((c) => [c, null])), '21009': 50 })]);
    const logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toMatch(/provider 1 failed.*epn_place/);
    expect(logged).toMatch(/provider 2 failed.*thrown before/);
    expect(logged).toMatch(/provider 3 failed.*no answer within 300 ms/);
    expect(logged).toMatch(/provider 4 gave no list/);
  });

  it('checks every figure: unknown communes, non-finite numbers, missing texts, bad ids and duplicates are left out, the valid ones kept', async () => {
    const db = getDb();
    const year = years++;
    await version(db, { year, releaseAt: past(), cells: [{ indicatorId: 'non_users', level: '21010', weightSum: 10_000 }] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const provider: BarometerContextProvider = async () => [
      figure('p.unknown_commune', { '21010': 1, '99999': 2 }),
      figure('p.outside_brussels', { '21010': 1, '11002': 5 }),
      figure('p.nan', { '21010': Number.NaN }),
      figure('p.infinite', { '21010': Number.POSITIVE_INFINITY }),
      { ...figure('p.no_dutch', { '21010': 1 }), label: { fr: 'x', nl: '', en: 'x' } },
      figure('Not an id', { '21010': 1 }),
      { ...figure('p.string_value', {}), values: { '21010': '3' } } as unknown as BarometerContextFigure,
      figure('p.ok', { '21010': 4.5, '21011': null }),
      figure('p.ok', { '21010': 99 })
    ];
    const figures = await contextFigures({ db, bridges: { barometerContext: [provider] }, year });
    expect(figures.map((f) => f.id)).toEqual(['p.ok']);
    expect(figures[0]!.values).toMatchObject({ '21010': 4.5, '21011': null });
    const logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
    for (const id of ['p.unknown_commune', 'p.outside_brussels', 'p.nan', 'p.infinite', 'p.no_dutch', 'Not an id', 'p.string_value']) expect(logged).toContain(`figure ${id} left out`);
    expect(logged).toMatch(/unknown commune/);
    expect(logged).toContain('p.ok offered twice');
  });

  it('released versions only: a draft or an embargoed version gives no figures and asks no provider; the latest released version gives the population', async () => {
    const db = getDb();
    const calls: Record<string, number>[] = [];
    const spy: BarometerContextProvider = async ({ population }) => {
      calls.push({ ...population });
      return [figure('spy.population', population)];
    };
    const bridges: Bridges = { barometerContext: [spy] };

    // Draft only.
    const draftYear = years++;
    await version(db, { year: draftYear, releaseAt: null, cells: [{ indicatorId: 'non_users', level: '21012', weightSum: 40_000 }] });
    expect(await contextFigures({ db, bridges, year: draftYear })).toEqual([]);
    expect(await contextPopulation(db, draftYear)).toBeNull();

    // Approved, under embargo until tomorrow: nothing before, everything at the release time.
    const embargoYear = years++;
    const releaseAt = new Date(Date.now() + 86_400_000);
    await version(db, { year: embargoYear, releaseAt, cells: [{ indicatorId: 'non_users', level: '21012', weightSum: 41_000 }] });
    expect(await contextFigures({ db, bridges, year: embargoYear })).toEqual([]);
    expect(await callerFor(db, null, { bridges }).published.context({ year: embargoYear })).toEqual({ figures: [] });
    expect(calls).toEqual([]);
    expect((await contextFigures({ db, bridges, year: embargoYear, now: releaseAt }))[0]!.values['21012']).toBe(41_000);

    // Version 1 released; its correction (version 2) still embargoed: version 1's population is used.
    const corrected = years++;
    const v1 = await version(db, { year: corrected, releaseAt: past(), cells: [{ indicatorId: 'non_users', level: '21012', weightSum: 42_000 }] });
    await version(db, { year: corrected, number: 2, editionId: v1.editionId, releaseAt, cells: [{ indicatorId: 'non_users', level: '21012', weightSum: 99_999 }] });
    expect((await contextFigures({ db, bridges, year: corrected }))[0]!.values['21012']).toBe(42_000);
    expect((await contextFigures({ db, bridges, year: corrected, now: releaseAt }))[0]!.values['21012']).toBe(99_999);

    // No edition at all for the year.
    expect(await contextFigures({ db, bridges, year: years++ })).toEqual([]);
  });
});
