import { describe, expect, it } from 'vitest';
import { compileIndicators, DEFAULT_INDICATORS } from './indicators.ts';
import { syntheticRespondents } from './synthetic.ts';

function regional(year: number) {
  const evaluate = compileIndicators(DEFAULT_INDICATORS);
  const values = new Float64Array(DEFAULT_INDICATORS.length);
  const sums = DEFAULT_INDICATORS.map(() => ({ w: 0, wy: 0 }));
  let n = 0;
  const strata = new Map<string, Set<string>>();
  for (const r of syntheticRespondents({ year })) {
    n++;
    evaluate(r, values);
    strata.set(String(r.stratum), (strata.get(String(r.stratum)) ?? new Set()).add(String(r.psu)));
    values.forEach((y, i) => {
      if (Number.isNaN(y)) return;
      sums[i]!.w += Number(r.weight);
      sums[i]!.wy += Number(r.weight) * y;
    });
  }
  const share = (id: string) => {
    const i = DEFAULT_INDICATORS.findIndex((d) => d.id === id);
    return sums[i]!.wy / sums[i]!.w;
  };
  return { n, strata, share };
}

describe('synthetic demo microdata', () => {
  it('is deterministic, about 6,000 respondents in 19 communes with 10 clusters each', () => {
    const a = [...syntheticRespondents({ year: 2023 })];
    const b = [...syntheticRespondents({ year: 2023 })];
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(5500);
    expect(a.length).toBeLessThan(7000);
    const { strata } = regional(2023);
    expect(strata.size).toBe(19);
    for (const psus of strata.values()) expect(psus.size).toBe(10);
  });

  it('has regional figures roughly like the published ones, improving over the editions', () => {
    const [y21, y23, y25] = [2021, 2023, 2025].map(regional);
    const v = [y21!, y23!, y25!].map((e) => e.share('digitally_vulnerable'));
    expect(v[0]).toBeGreaterThan(0.4);
    expect(v[0]).toBeLessThan(0.52);
    expect(v[1]).toBeGreaterThan(0.34);
    expect(v[1]).toBeLessThan(0.46);
    expect(v[2]).toBeLessThan(v[1]!);
    const nonUsers = y21!.share('non_users');
    expect(nonUsers).toBeGreaterThan(0.03);
    expect(nonUsers).toBeLessThan(0.15);
    expect(y21!.share('skills_at_least_basic')).toBeCloseTo(1 - v[0]!, 10);
  });
});
