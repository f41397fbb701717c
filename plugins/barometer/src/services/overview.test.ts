import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { seedDemo } from '@passerelle/db/seed';
import type { BarometerContextProvider } from '@passerelle/trpc';
import { callerFor, createTestActor } from '../test-support.ts';
import { seedBarometerDemo, syntheticCsv } from './demo.ts';
import { approve, computeDraft, createEdition, importMicrodata, submitForReview } from './editions.ts';
import type { Mapping } from './microdata.ts';
import { approximate, easyRead } from './overview-text.ts';
import { indicatorPage, overview, parseView, viewQuery, type Overview } from './overview.ts';
import { PageCache } from './page-cache.ts';
import { VARIABLES } from './variables.ts';

const YEARS = [2021, 2023, 2025];

describe('the view in the URL', () => {
  it('falls back to the defaults for anything unknown, never an error', () => {
    const q = (s: string) => parseView(new URLSearchParams(s), YEARS);
    expect(q('')).toEqual({ year: 2025, by: 'overall', level: null, tab: 'chart' });
    expect(q('year=2023&by=age_band&level=65-74&tab=map')).toEqual({ year: 2023, by: 'age_band', level: '65-74', tab: 'map' });
    for (const bad of ['year=2022', 'year=abc', 'year=20230', 'year=-1', 'by=commune×gender', 'by=weight', 'tab=admin', 'tab=', 'level=21001', 'by=%00', 'year=1e3'])
      expect(q(bad)).toMatchObject({ year: 2025, by: 'overall', level: null });
    expect(q('by=commune&level=99999')).toEqual({ year: 2025, by: 'commune', level: null, tab: 'chart' });
    expect(q('by=gender&level=21001&tab=chart;drop')).toEqual({ year: 2025, by: 'gender', level: null, tab: 'chart' });
    expect(parseView(new URLSearchParams('year=2025'), [])).toBeNull();
  });

  it('writes short permalinks that read back to the same view', () => {
    const view = { year: 2023, by: 'commune', level: '21004', tab: 'table' as const };
    expect(parseView(new URLSearchParams(viewQuery(view, 2025)), YEARS)).toEqual(view);
    expect(viewQuery({ year: 2025, by: 'overall', level: null, tab: 'chart' }, 2025)).toBe('');
  });
});

describe('easy-read summaries', () => {
  it('turns shares into "about N in 10" or "1 in N"', () => {
    expect(approximate(0.42)).toEqual({ kind: 'fraction', count: 4, of: 10 });
    expect(approximate(0.15)).toEqual({ kind: 'fraction', count: 2, of: 10 });
    expect(approximate(0.083)).toEqual({ kind: 'fraction', count: 1, of: 12 });
    expect(approximate(0.97)).toEqual({ kind: 'almost_all' });
    expect(approximate(0.004)).toEqual({ kind: 'very_few' });
  });

  it('are written from the figures in French, Dutch and English', () => {
    const e = (p: number) => ({ indicatorId: 'x', breakdown: 'overall', level: 'all', status: 'shown' as const, n: 6000, proportion: p, se: 0.01, ciLow: p - 0.02, ciHigh: p + 0.02, total: null, seTotal: null });
    const o = (vulnerable: number, significant: boolean): Overview => ({
      editions: [],
      version: { versionId: 'v', year: 2025, number: 1, releaseAt: new Date(), synthetic: true, correctionNote: null, source: 'microdata' },
      respondents: 6123,
      headlines: [
        { indicatorId: 'digitally_vulnerable', name: { fr: 'V', nl: 'V', en: 'V' }, estimate: e(vulnerable), change: { fromYear: 2023, from: 0.45, difference: vulnerable - 0.45, se: 0.01, significant } },
        { indicatorId: 'non_users', name: { fr: 'N', nl: 'N', en: 'N' }, estimate: e(0.08), change: null }
      ],
      indicators: []
    });
    expect(easyRead(o(0.38, true), 'en')).toEqual([
      'These figures come from a 2025 survey of 6123 people in Brussels, aged 16 to 74.',
      'About 4 in 10 people struggle with digital tools. That is fewer than in 2023.',
      'About 1 in 13 people do not use the internet.',
      'Careful: these figures are made up, for a demonstration.'
    ]);
    expect(easyRead(o(0.62, false), 'en')[1]).toBe('About 6 in 10 people struggle with digital tools. That is about the same as in 2023.');
    expect(easyRead(o(0.38, true), 'fr')[1]).toBe('Environ 4 personnes sur 10 sont en difficulté avec le numérique. C\'est moins qu\'en 2023.');
    expect(easyRead(o(0.38, true), 'fr')[2]).toBe("Environ 1 personne sur 13 n'utilise pas internet.");
    expect(easyRead(o(0.38, true), 'nl')[1]).toBe('Ongeveer 4 op de 10 mensen hebben het moeilijk met digitaal. Dat is minder dan in 2023.');
  });
});

const cols = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
const mapping: Mapping = { weight: 'weight', stratum: 'stratum', psu: 'psu', variables: Object.fromEntries(cols.slice(3).map((c) => [c, c])) };

describeEachDb('barometer public pages', ({ getDb }) => {
  beforeAll(async () => {
    await seedDemo(getDb());
    await seedBarometerDemo(getDb(), { respondents: 3000 });
  }, 120_000);

  it('procedures: indicators of a year, trend with changes, overview, view, context', async () => {
    const db = getDb();
    const api = callerFor(db, null, { locale: 'nl' });
    const list = await api.published.indicators({ year: 2023 });
    expect(list.version.year).toBe(2023);
    expect(list.indicators.length).toBeGreaterThanOrEqual(18);
    expect(list.indicators.find((i) => i.indicator.id === 'non_users')!.overall!.proportion).toBeGreaterThan(0);
    await expect(api.published.indicators({ year: 2022 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const trend = await api.published.trend({ indicatorId: 'digitally_vulnerable' });
    expect(trend.map((p) => p.year)).toEqual(YEARS);
    expect(trend[0]!.change).toBeNull();
    expect(trend[1]!.change).toMatchObject({ fromYear: 2021, significant: expect.any(Boolean) });
    expect(trend[1]!.change!.difference).toBeCloseTo(trend[1]!.estimate.proportion! - trend[0]!.estimate.proportion!, 12);
    // A suppressed cell carries no figure in the trend either.
    const small = await db.barometerEstimate.findFirst({ where: { status: 'suppressed' } });
    if (small) {
      const t = await api.published.trend({ indicatorId: small.indicatorId, breakdown: small.breakdown, level: small.level });
      expect(t.find((p) => p.versionId === small.versionId)!.estimate).toMatchObject({ proportion: null, n: null, ciLow: null });
    }

    const o = (await api.published.overview({}))!;
    expect(o.version.year).toBe(2025);
    expect(o.headlines[0]).toMatchObject({ indicatorId: 'digitally_vulnerable', change: { fromYear: 2023 } });
    expect(o.easyRead.join(' ')).toMatch(/Ongeveer \d+ op de \d+ mensen/);
    expect(o.easyRead.at(-1)).toContain('verzonnen');

    const v = await api.published.view({ indicatorId: 'non_users', year: '2023', by: 'age_band', tab: 'nonsense' });
    expect(v.view).toEqual({ year: 2023, by: 'age_band', level: null, tab: 'chart' });
    expect(v.table.map((r) => r.level)).toEqual(['16-24', '25-34', '35-44', '45-54', '55-64', '65-74']);
    expect(v.series.map((s) => s.level)).toEqual(['all', '16-24', '25-34', '35-44', '45-54', '55-64', '65-74']);
    expect(v.communes).toHaveLength(19);
    // The table of the view is the published table.
    expect(v.table).toEqual((await api.published.table({ year: 2023, indicatorId: 'non_users', breakdown: 'age_band' })).rows.sort((a, b) => a.level.localeCompare(b.level)));
    await expect(api.published.view({ indicatorId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Context figures from other plugins, with the population of each commune (Σ weights).
    const seen: Record<string, number>[] = [];
    const provider: BarometerContextProvider = async ({ year, population }) => {
      seen.push(population);
      return [{ id: 'fixture.epns', label: { fr: 'EPN', nl: 'EPN', en: 'EPN' }, unit: { fr: 'par 10 000', nl: 'per 10.000', en: 'per 10,000' }, source: { fr: 's', nl: 's', en: 's' }, values: { '21004': year } }];
    };
    const ctx = await callerFor(db, null, { bridges: { barometerContext: [provider] } }).published.context({ year: 2023 });
    expect(ctx.figures).toEqual([expect.objectContaining({ id: 'fixture.epns', values: expect.objectContaining({ '21004': 2023, '21001': null }) })]);
    // Communes the provider left out come back as "no data".
    expect(Object.keys(ctx.figures[0]!.values)).toHaveLength(19);
    expect(Object.keys(seen[0]!)).toHaveLength(19);
    expect(Object.values(seen[0]!).reduce((a, b) => a + b, 0)).toBeGreaterThan(700_000);
    expect((await api.published.context({ year: 2023 })).figures).toEqual([]);
  });

  it('serves pages from the per-version cache, and before the release time shows and caches nothing of an edition', async () => {
    const db = getDb();
    const cache = new PageCache();
    const params = new URLSearchParams('by=commune');
    const first = await indicatorPage(db, { indicatorId: 'non_users', params }, new Date(), cache);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 1 });
    const second = await indicatorPage(db, { indicatorId: 'non_users', params: new URLSearchParams('by=commune&tab=table') }, new Date(), cache);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
    expect(second!.table).toEqual(first!.table);
    await overview(db, new Date(), cache);
    await overview(db, new Date(), cache);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 2 });

    // A new edition approved with a release time two seconds ahead.
    const [ana, ben] = [await createTestActor(db, { roles: ['staff'] }), await createTestActor(db, { roles: ['staff'] })];
    const edition = await createEdition({ db, actor: ana, year: 2027, synthetic: true });
    await importMicrodata({ db, actor: ana, editionId: edition.id, upload: syntheticCsv(2027, 2000), mapping, fileName: 'x.csv' });
    const draft = await computeDraft({ db, actor: ana, editionId: edition.id });
    await submitForReview({ db, actor: ana, versionId: draft.versionId });
    const releaseAt = new Date(Date.now() + 2000);
    await approve({ db, actor: ben, versionId: draft.versionId, releaseAt });

    const api = callerFor(db, null);
    const before = await Promise.all([overview(db, new Date(), cache), indicatorPage(db, { indicatorId: 'non_users', params: new URLSearchParams('year=2027') }, new Date(), cache), api.published.overview({}), api.published.view({ indicatorId: 'non_users', year: '2027' }), api.published.editions()]);
    expect(before[0]!.version.year).toBe(2025);
    expect(before[1]!.view.year).toBe(2025);
    expect(before[1]!.series[0]!.points.map((p) => p.year)).toEqual(YEARS);
    expect(before[2]!.version.year).toBe(2025);
    expect(before[3]!.editions.map((e) => e.year)).toEqual(YEARS);
    expect(before[4].map((e) => e.year)).toEqual(YEARS);
    await expect(api.published.indicators({ year: 2027 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.published.context({ year: 2027 })).resolves.toEqual({ figures: [] });
    expect(JSON.stringify(before)).not.toContain(draft.versionId);
    expect(cache.keys().join(' ')).not.toContain(draft.versionId);

    await new Promise((r) => setTimeout(r, Math.max(0, releaseAt.getTime() - Date.now() + 50)));
    const after = await Promise.all([overview(db, new Date(), cache), indicatorPage(db, { indicatorId: 'non_users', params: new URLSearchParams('year=2027') }, new Date(), cache), api.published.view({ indicatorId: 'non_users', year: '2027' })]);
    expect(after[0]!.version.year).toBe(2027);
    expect(after[0]!.headlines[0]!.change!.fromYear).toBe(2025);
    expect(after[1]!.view.year).toBe(2027);
    expect(after[1]!.series[0]!.points.map((p) => p.year)).toEqual([...YEARS, 2027]);
    expect(after[2]!.editions.map((e) => e.year)).toEqual([...YEARS, 2027]);
    expect(cache.keys().some((k) => k.includes(draft.versionId))).toBe(true);
  }, 60_000);
});
