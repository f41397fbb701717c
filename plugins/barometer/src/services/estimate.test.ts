import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { change, DesignError, estimateBreakdown, logitInterval, prepareDesign, type Breakdown, type Design, type IndicatorColumn } from './estimate.ts';

// The estimates against R's survey package: fixtures/estimation/make-fixtures.R generated data.csv and
// computed expected.csv with svyby(..., svymean) and svyby(..., svytotal) for three designs.

const dir = join(import.meta.dirname, 'fixtures/estimation');
const rows = parse(readFileSync(join(dir, 'data.csv')), { columns: true }) as Record<string, string>[];
const expected = parse(readFileSync(join(dir, 'expected.csv')), { columns: true }) as Record<string, string>[];

function codes(values: string[]) {
  const levels = [...new Set(values)];
  return { levels, codes: Int32Array.from(values.map((v) => levels.indexOf(v))) };
}

function designOf(kind: string): Design {
  const n = rows.length;
  const weight = Float64Array.from(rows.map((r) => Number(r.w)));
  const index = Int32Array.from(rows.map((_, i) => i));
  if (kind === 'none') return { n, weight, stratum: new Int32Array(n), psu: index };
  const stratum = codes(rows.map((r) => r.stratum!)).codes;
  if (kind === 'strata') return { n, weight, stratum, psu: index };
  return { n, weight, stratum, psu: codes(rows.map((r) => `${r.stratum}/${r.psu}`)).codes };
}

const indicator = (id: string): IndicatorColumn => ({ id, values: Float64Array.from(rows.map((r) => (r[id] === '' ? NaN : Number(r[id])))) });
const breakdown = (id: string): Breakdown => ({ id, ...codes(rows.map((r) => r[id]!)) });

/** Relative difference, with an absolute floor for figures that are exactly 0 in R. */
function close(actual: number | null, wanted: string) {
  if (wanted === '') return expect(actual).toBeNull();
  const x = Number(wanted);
  expect(actual).not.toBeNull();
  if (x === 0) return expect(Math.abs(actual!)).toBeLessThan(1e-12);
  expect(Math.abs(actual! - x) / Math.abs(x)).toBeLessThan(1e-9);
}

describe('estimates equal R survey (svyby with svymean and svytotal) to a relative 1e-9', () => {
  for (const kind of ['none', 'strata', 'clusters']) {
    it(`design: ${kind === 'none' ? 'no design variables' : kind === 'strata' ? 'strata only' : 'strata and clusters'}`, () => {
      const design = prepareDesign(designOf(kind));
      const wanted = expected.filter((e) => e.design === kind);
      expect(wanted.length).toBe(21);
      for (const y of ['y1', 'y2', 'y3']) {
        for (const by of ['dom', 'all']) {
          const got = estimateBreakdown(design, indicator(y), breakdown(by));
          const ref = wanted.filter((e) => e.indicator === y && e.domain === by);
          expect(got.map((g) => g.level).sort()).toEqual(ref.map((r) => r.level).sort());
          for (const r of ref) {
            const g = got.find((x) => x.level === r.level)!;
            expect(g.n, `${y} ${r.level} n`).toBe(Number(r.n));
            close(g.proportion, r.mean!);
            close(g.seProportion, r.se_mean!);
            close(g.total, r.total!);
            close(g.seTotal, r.se_total!);
            close(g.ciLow, r.ci_low!);
            close(g.ciHigh, r.ci_high!);
          }
        }
      }
    });
  }

  it('covers p = 0, p = 1, a one-respondent domain and a domain holding everyone', () => {
    const cases = expected.filter((e) => e.design === 'clusters');
    expect(cases.some((e) => e.mean === '0' && e.ci_low === '')).toBe(true);
    expect(cases.some((e) => e.mean === '1' && e.level === 'B' && e.ci_high === '')).toBe(true);
    expect(cases.some((e) => e.level === 'solo' && e.n === '1')).toBe(true);
    expect(cases.find((e) => e.domain === 'all' && e.indicator === 'y1')?.n).toBe(String(rows.length));
    const weights = rows.map((r) => Number(r.w));
    expect(Math.max(...weights) / Math.min(...weights)).toBeGreaterThanOrEqual(999);
  });

  it('an empty domain has n = 0 and no estimate, and the others are unchanged', () => {
    const design = prepareDesign(designOf('clusters'));
    const b = breakdown('dom');
    const withEmpty: Breakdown = { id: 'dom', levels: [...b.levels, 'empty'], codes: b.codes };
    const got = estimateBreakdown(design, indicator('y1'), withEmpty);
    expect(got.at(-1)).toMatchObject({ level: 'empty', n: 0, proportion: null, seProportion: null, ciLow: null });
    expect(got.slice(0, -1)).toEqual(estimateBreakdown(design, indicator('y1'), b));
  });
});

describe('design checks', () => {
  it('refuses a stratum with a single PSU (R: survey.lonely.psu = "fail"), a negative weight and a PSU in two strata', () => {
    const base = { n: 3, weight: Float64Array.of(1, 1, 1) };
    expect(() => prepareDesign({ ...base, stratum: Int32Array.of(0, 0, 1), psu: Int32Array.of(0, 1, 2) })).toThrow(DesignError);
    expect(() => prepareDesign({ n: 2, weight: Float64Array.of(1, -1), stratum: Int32Array.of(0, 0), psu: Int32Array.of(0, 1) })).toThrow(/bad_weight/);
    expect(() => prepareDesign({ ...base, stratum: Int32Array.of(0, 1, 1), psu: Int32Array.of(0, 0, 1) })).toThrow(/mixed_psu/);
  });
});

describe('confidence intervals and changes', () => {
  it('logit CI: inside (0, 1), around p, none at 0 or 1', () => {
    const [lo, hi] = logitInterval(0.3, 0.02)!;
    expect(lo).toBeLessThan(0.3);
    expect(hi).toBeGreaterThan(0.3);
    expect(logitInterval(0, 0)).toBeNull();
    expect(logitInterval(1, 0)).toBeNull();
  });

  it('change between editions: SE of independent samples and significance at 5%', () => {
    expect(change({ proportion: 0.46, se: 0.01 }, { proportion: 0.4, se: 0.01 })).toMatchObject({ significant: true });
    const c = change({ proportion: 0.46, se: 0.03 }, { proportion: 0.44, se: 0.03 });
    expect(c.se).toBeCloseTo(Math.sqrt(0.0018), 12);
    expect(c.significant).toBe(false);
  });
});
