import { describe, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { createTestActor } from '@passerelle/plugin-sdk/testing';
import { AppError } from '@passerelle/trpc';
import { importAggregates, levelsOf, readAggregates } from './aggregates.ts';
import { isHidden, type CellStatus } from './disclosure.ts';
import { createEdition, importMicrodata } from './editions.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const HEAD = 'indicator,breakdown,level,estimate,ci_low,ci_high,n,se';
const indicators = ['non_users', 'digitally_vulnerable'];

/** A valid file: non_users overall, by gender and by age band (the 65-74 cell holds `old` respondents). */
function file({ old = 120, delimiter = ',', extra = [] as string[] } = {}) {
  const rows = [
    ['non_users', 'overall', 'all', '0.08', '0.07', '0.09', '1900', '0.005'],
    ['non_users', 'gender', 'woman', '0.09', '0.075', '0.105', '1000', ''],
    ['non_users', 'gender', 'man', '0.07', '0.056', '0.085', '900', ''],
    ...['16-24', '25-34', '35-44', '45-54', '55-64'].map((g, i) => ['non_users', 'age_band', g, String(0.02 + i * 0.02), String(0.01 + i * 0.02), String(0.04 + i * 0.02), String(300 + i * 10), '']),
    ['non_users', 'age_band', '65-74', '0.3', '0.2', '0.4', String(old), '']
  ];
  const text = (cells: string[]) => (delimiter === ';' ? cells.map((c) => c.replace('.', ',')) : cells).join(delimiter);
  return [HEAD.split(',').join(delimiter), ...rows.map(text), ...extra].join('\n') + '\n';
}

describe('aggregates file', () => {
  it('reads a valid file, comma or semicolon with decimal commas, with a BOM', async () => {
    const a = await readAggregates({ upload: enc(file()), indicators, crossings: [] });
    expect(a.report.issueCount).toBe(0);
    expect(a.rows).toHaveLength(9);
    expect(a.rows![0]).toEqual({ indicator: 'non_users', breakdown: 'overall', level: 'all', estimate: 0.08, ciLow: 0.07, ciHigh: 0.09, n: 1900, se: 0.005 });
    const b = await readAggregates({ upload: enc('\uFEFF' + file({ delimiter: ';' })), indicators, crossings: [] });
    expect(b.report.issueCount).toBe(0);
    expect(b.rows).toEqual(a.rows);
    expect(levelsOf('gender×age_band')).toHaveLength(12);
    expect(levelsOf('gender×gender')).toBeNull();
    expect(levelsOf('internet_use')).toBeNull();
  });

  it('reports every bad line with its number and keeps nothing', async () => {
    const bad = [
      'robots,overall,all,0.1,0.05,0.2,100,', // line 11: unknown indicator
      'digitally_vulnerable,planet,all,0.1,0.05,0.2,100,', // 12: unknown breakdown
      'digitally_vulnerable,commune,99999,0.1,0.05,0.2,100,', // 13: unknown commune
      'digitally_vulnerable,overall,all,1.4,0.05,0.2,100,', // 14: estimate above 1 (and outside its CI)
      'digitally_vulnerable,overall,all,0.1,0.15,0.2,100,', // 15: CI does not hold the estimate; duplicate
      'digitally_vulnerable,gender,woman,0.1,0.05,0.2,12.5,', // 16: n not an integer
      'digitally_vulnerable,gender×age_band,woman×16-24,0.1,0.05,0.2,12,', // 17: crossing not enabled
      'digitally_vulnerable,gender,man,0.1,0.05,0.2,12,-1' // 18: negative se
    ];
    const { report, rows } = await readAggregates({ upload: enc(file({ extra: bad })), indicators, crossings: [] });
    expect(rows).toBeNull();
    expect(report.counts).toEqual({
      barometer_error_unknown_indicator: 1,
      barometer_error_unknown_breakdown: 2,
      barometer_error_unknown_commune: 1,
      barometer_error_aggregate_proportion: 1,
      barometer_error_aggregate_ci: 2,
      barometer_error_aggregate_duplicate: 1,
      barometer_error_aggregate_n: 1,
      barometer_error_aggregate_se: 1
    });
    expect(report.issues.find((i) => i.messageKey === 'barometer_error_unknown_commune')).toMatchObject({ row: 13, column: 'level', value: '99999' });
    expect(report.issues.find((i) => i.messageKey === 'barometer_error_aggregate_n')).toMatchObject({ row: 16, value: '12.5' });
  });

  it('refuses an incomplete breakdown, a missing column, a wrong delimiter, malformed CSV, non-UTF-8 and a file too large', async () => {
    const keys = async (text: string | Uint8Array, maxBytes?: number) => Object.keys((await readAggregates({ upload: typeof text === 'string' ? enc(text) : text, indicators, crossings: [], ...(maxBytes ? { maxBytes } : {}) })).report.counts);
    expect(await keys(file().split('\n').filter((l) => !l.includes('65-74')).join('\n'))).toEqual(['barometer_error_aggregate_incomplete']);
    expect(await keys('indicator,breakdown,level,estimate,n\nnon_users,overall,all,0.1,100\n')).toEqual(['barometer_error_missing_column']);
    expect(await keys(file().replaceAll(',', '\t'))).toEqual(['barometer_error_csv_delimiter']);
    expect(await keys(`${HEAD}\nnon_users,"overall,all,0.1,0.05,0.2,100,\n`)).toEqual(['barometer_error_csv_malformed']);
    expect(await keys(Uint8Array.of(...enc(HEAD + '\n'), 0xff, 0xfe, 0x0a))).toEqual(['barometer_error_not_utf8']);
    expect(await keys('')).toEqual(['barometer_error_import_empty']);
    expect(await keys(HEAD + '\n')).toEqual(['barometer_error_import_empty']);
    expect(await keys(file(), 100)).toEqual(['barometer_error_file_too_big']);
  });
});

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? `${e.code}:${e.messageKey ?? ''}` : String(e)));

describeEachDb('aggregates import', ({ getDb }) => {
  it('stores a draft with source "aggregates", disclosure control applied (suppressed, flagged, and against subtraction); a bad file stores nothing', async () => {
    const db = getDb();
    const [ana, citizen] = [await createTestActor(db, { roles: ['staff'] }), await createTestActor(db)];
    const edition = await createEdition({ db, actor: ana, year: 2020, thresholds: { minN: 20, reliableN: 50 } });

    expect(await code(importAggregates({ db, actor: citizen, editionId: edition.id, upload: enc(file()), fileName: 'a.csv' }))).toBe('FORBIDDEN:');
    const refused = await importAggregates({ db, actor: ana, editionId: edition.id, upload: enc(file({ extra: ['non_users,overall,all,2,0,1,10,'] })), fileName: 'a.csv' });
    expect(refused).toMatchObject({ stored: false, versionId: null });
    expect(await db.barometerVersion.count({ where: { editionId: edition.id } })).toBe(0);
    expect(await db.barometerEstimate.count({ where: { version: { editionId: edition.id } } })).toBe(0);

    // The 65-74 cell holds 12 respondents: suppressed; the smallest other age band (16-24, n = 300) is
    // suppressed too, since the total is shown and 65-74 would otherwise be the total minus the others.
    const done = await importAggregates({ db, actor: ana, editionId: edition.id, upload: enc(file({ old: 12 })), fileName: 'kbf-2020.csv' });
    expect(done).toMatchObject({ stored: true, number: 1 });
    const version = await db.barometerVersion.findUniqueOrThrow({ where: { id: done.versionId! } });
    expect(version).toMatchObject({ source: 'aggregates', status: 'draft', preparedById: ana.id });
    expect(version.computedAt).not.toBeNull();
    const rows = await db.barometerEstimate.findMany({ where: { versionId: version.id } });
    const status = (b: string, l: string) => rows.find((r) => r.breakdown === b && r.level === l)!.status as CellStatus;
    expect(status('age_band', '65-74')).toBe('suppressed');
    expect(status('age_band', '16-24')).toBe('suppressed_secondary');
    expect(status('overall', 'all')).toBe('shown');
    expect(rows.filter((r) => r.breakdown === 'age_band' && isHidden(r.status as CellStatus))).toHaveLength(2);
    expect(rows.find((r) => r.breakdown === 'overall')).toMatchObject({ proportion: 0.08, ciLow: 0.07, ciHigh: 0.09, se: 0.005, n: 1900 });

    // With n = 40 (at least 20, under 50): shown with a low-reliability flag, nothing else hidden. The
    // import replaces the draft's figures.
    const again = await importAggregates({ db, actor: ana, editionId: edition.id, upload: enc(file({ old: 40 })), fileName: 'kbf-2020.csv' });
    expect(again.versionId).toBe(done.versionId);
    const after = await db.barometerEstimate.findMany({ where: { versionId: version.id, breakdown: 'age_band' } });
    expect(after.find((r) => r.level === '65-74')!.status).toBe('low_reliability');
    expect(after.filter((r) => isHidden(r.status as CellStatus))).toHaveLength(0);
    expect(await db.auditLog.count({ where: { action: 'barometer.aggregates.import', actorId: ana.id } })).toBe(2);
  });

  it('an edition with microdata takes no aggregates', async () => {
    const db = getDb();
    const ana = await createTestActor(db, { roles: ['staff'] });
    const edition = await createEdition({ db, actor: ana, year: 2021, thresholds: { minN: 20, reliableN: 50 } });
    const lines = ['weight,commune', ...Array.from({ length: 40 }, (_, i) => `1,2100${(i % 9) + 1}`)];
    expect((await importMicrodata({ db, actor: ana, editionId: edition.id, upload: enc(lines.join('\n')), mapping: { weight: 'weight', variables: { commune: 'commune' } }, fileName: 'm.csv' })).stored).toBe(true);
    expect(await code(importAggregates({ db, actor: ana, editionId: edition.id, upload: enc(file()), fileName: 'a.csv' }))).toBe('CONFLICT:barometer_error_aggregates_with_microdata');
  });
});
