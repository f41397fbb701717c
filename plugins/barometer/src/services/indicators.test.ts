import { describe, expect, it } from 'vitest';
import { checkRule, compileIndicators, DEFAULT_INDICATORS, RuleError, ZIndicator, type Indicator } from './indicators.ts';
import type { Respondent } from './variables.ts';

const known = new Set(['internet_use', 'skill_level', 'home_internet']);

function values(r: Respondent) {
  const out = new Float64Array(DEFAULT_INDICATORS.length);
  compileIndicators(DEFAULT_INDICATORS)(r, out);
  return Object.fromEntries(DEFAULT_INDICATORS.map((d, i) => [d.id, out[i]]));
}

const areas = (a: number, b: number, c: number, d: number, e: number) => ({ dsi_information: a, dsi_communication: b, dsi_content: c, dsi_safety: d, dsi_problem_solving: e });

describe('indicator rules', () => {
  it('ships every default indicator, each valid', () => {
    const ids = DEFAULT_INDICATORS.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['non_users', 'skills_none', 'skills_low', 'skills_basic', 'skills_above_basic', 'skills_at_least_basic', 'area_information_basic', 'area_communication_basic', 'area_content_basic', 'area_safety_basic', 'area_problem_solving_basic', 'digitally_vulnerable', 'no_home_internet', 'smartphone_only', 'egov_12m', 'eid_itsme', 'admin_help', 'no_safety_precaution']));
    for (const d of DEFAULT_INDICATORS) expect(ZIndicator.safeParse(d).success, d.id).toBe(true);
  });

  it('refuses operators that call code ("method"), unknown variables and malformed rules', () => {
    expect(() => checkRule({ method: ['abc', 'toUpperCase'] }, known)).toThrow(RuleError);
    expect(() => checkRule({ '==': [{ var: 'constructor' }, 1] }, known)).toThrow(/unknown variable/);
    expect(() => checkRule({ '==': [1, 1], or: [] }, known)).toThrow(/one operator/);
    expect(() => checkRule({ log: 1 }, known)).toThrow(/not allowed/);
    expect(() => checkRule({ and: [{ '==': [{ var: 'home_internet' }, 0] }, { in: [{ var: 'skill_level' }, ['no', 'low']] }] }, known)).not.toThrow();
    const bad: Indicator = { ...DEFAULT_INDICATORS[0]!, rule: { method: [{ var: 'internet_use' }, 'constructor'] } };
    expect(() => compileIndicators([bad])).toThrow(RuleError);
  });

  it('derives the overall skill level (DSI 2.0) and the shares each respondent counts in', () => {
    const above = values({ internet_use: '3m', ...areas(2, 2, 2, 2, 2), home_internet: 1 });
    expect(above).toMatchObject({ skills_above_basic: 1, skills_at_least_basic: 1, skills_basic: 0, digitally_vulnerable: 0, non_users: 0, no_home_internet: 0 });
    expect(values({ internet_use: '3m', ...areas(1, 2, 1, 1, 2) })).toMatchObject({ skills_basic: 1, skills_low: 0 });
    expect(values({ internet_use: '3m', ...areas(1, 0, 2, 1, 1) })).toMatchObject({ skills_low: 1, digitally_vulnerable: 1, area_communication_basic: 0, area_content_basic: 1 });
    expect(values({ internet_use: '3m', ...areas(0, 0, 0, 0, 0) })).toMatchObject({ skills_none: 1, digitally_vulnerable: 1 });
    // A non-user: no skills, vulnerable, "none" in every area; no safety question asked (not counted).
    const nonUser = values({ internet_use: 'never', home_internet: 0, safety_precautions: null });
    expect(nonUser).toMatchObject({ non_users: 1, skills_none: 1, digitally_vulnerable: 1, area_safety_basic: 0, no_home_internet: 1 });
    expect(nonUser.no_safety_precaution).toBeNaN();
    // Missing answers: not counted (NaN), rather than counted as "no".
    const missing = values({ internet_use: '3m', dsi_information: 1 });
    expect(missing.skills_low).toBeNaN();
    expect(missing.non_users).toBe(0);
    expect(missing.area_information_basic).toBe(1);
    expect(missing.area_safety_basic).toBeNaN();
    expect(values({}).non_users).toBeNaN();
  });
});
