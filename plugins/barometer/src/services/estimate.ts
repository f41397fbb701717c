// Survey estimates of proportions, equal to R's survey package:
//   svyby(~y, ~domain, svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE), svymean / svytotal)
// - Hájek proportion p = Σw·y / Σw over the domain, and the total Σw·y;
// - standard errors by Taylor linearisation for a stratified cluster design with PSUs sampled with
//   replacement: Var = Σ_h n_h/(n_h − 1) Σ_i (z_hi − z̄_h)², z_hi the PSU sums of the linearised variable;
// - domains are subpopulations of the full design (R's subset keeps every PSU: a PSU without members of
//   the domain counts as a zero, and n_h is the stratum's PSU count in the whole sample);
// - a missing answer takes the respondent out of that indicator's domain (R's na.rm = TRUE);
// - the 95% CI by the logit method, none when p is 0 or 1.
// The data is columnar (typed arrays) and visited in PSU order: two passes per indicator and breakdown,
// no per-respondent objects, so a million respondents take well under a second per breakdown.

/** The 97.5% quantile of the standard normal distribution (R: qnorm(0.975)). */
export const Z_975 = 1.959963984540054;

export interface Design {
  /** Number of respondents. */
  n: number;
  weight: Float64Array;
  /** Dense stratum codes (0 .. strata − 1); all zero without strata. */
  stratum: Int32Array;
  /** Dense PSU codes, distinct across strata (nest = TRUE); the respondent's own index without clusters. */
  psu: Int32Array;
}

export interface Breakdown {
  /** e.g. "overall", "commune", "age_band", "commune×gender". */
  id: string;
  levels: readonly string[];
  /** Level index per respondent; −1 = in no level (missing). */
  codes: Int32Array;
}

export interface IndicatorColumn {
  id: string;
  /** 1, 0, or NaN when missing (out of the indicator's population). */
  values: Float64Array;
}

export interface Estimate {
  indicator: string;
  breakdown: string;
  level: string;
  /** Unweighted respondents in the domain with an answer. */
  n: number;
  /** Σw over the domain. */
  weightSum: number;
  /** null when the domain is empty. */
  proportion: number | null;
  seProportion: number | null;
  total: number | null;
  seTotal: number | null;
  /** 95% logit CI; null when p is 0 or 1 (or the domain is empty). */
  ciLow: number | null;
  ciHigh: number | null;
}

export class DesignError extends Error {
  constructor(
    readonly code: 'lonely_psu' | 'bad_weight' | 'mixed_psu',
    readonly detail: string
  ) {
    super(`${code}: ${detail}`);
  }
}

/** The design's structure, computed once: respondents in PSU order, PSUs per stratum. */
export interface PreparedDesign extends Design {
  order: Int32Array;
  psuCountByStratum: Int32Array;
}

export function prepareDesign(design: Design): PreparedDesign {
  const { n, stratum, psu, weight } = design;
  for (let k = 0; k < n; k++) if (!(weight[k]! >= 0) || !Number.isFinite(weight[k]!)) throw new DesignError('bad_weight', `row ${k + 1}`);
  let maxPsu = -1;
  let maxStratum = -1;
  for (let k = 0; k < n; k++) {
    if (psu[k]! > maxPsu) maxPsu = psu[k]!;
    if (stratum[k]! > maxStratum) maxStratum = stratum[k]!;
  }
  // Two stable counting sorts: by PSU, then by stratum. Respondents end up grouped by stratum, and
  // within it by PSU.
  const identity = new Int32Array(n);
  for (let k = 0; k < n; k++) identity[k] = k;
  const order = countingSort(countingSort(identity, psu, maxPsu), stratum, maxStratum);
  const psuCountByStratum = new Int32Array(maxStratum + 1);
  const psuStratum = new Int32Array(maxPsu + 1).fill(-1);
  for (let k = 0; k < n; k++) {
    const p = psu[k]!;
    if (psuStratum[p] === -1) {
      psuStratum[p] = stratum[k]!;
      psuCountByStratum[stratum[k]!]!++;
    } else if (psuStratum[p] !== stratum[k]) throw new DesignError('mixed_psu', `PSU code ${p}`);
  }
  for (let h = 0; h <= maxStratum; h++) if (psuCountByStratum[h] === 1) throw new DesignError('lonely_psu', `stratum code ${h}`);
  return { ...design, order, psuCountByStratum };
}

function countingSort(items: Int32Array, key: Int32Array, maxKey: number): Int32Array {
  const counts = new Int32Array(maxKey + 2);
  for (let i = 0; i < items.length; i++) counts[key[items[i]!]! + 1]!++;
  for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) out[counts[key[items[i]!]!]!++] = items[i]!;
  return out;
}

/** Proportion, total, their SEs, n and CI of one indicator for every level of one breakdown. */
export function estimateBreakdown(design: PreparedDesign, indicator: IndicatorColumn, breakdown: Breakdown): Estimate[] {
  const L = breakdown.levels.length;
  const w = design.weight;
  const codes = breakdown.codes;
  const y = indicator.values;
  const W = new Float64Array(L);
  const T = new Float64Array(L);
  const N = new Int32Array(L);
  for (let k = 0; k < design.n; k++) {
    const l = codes[k]!;
    const v = y[k]!;
    if (l < 0 || Number.isNaN(v)) continue;
    W[l]! += w[k]!;
    T[l]! += w[k]! * v;
    N[l]!++;
  }
  const p = new Float64Array(L);
  for (let l = 0; l < L; l++) p[l] = W[l]! > 0 ? T[l]! / W[l]! : 0;

  // Second pass in PSU order. Per PSU and level: a = Σw·y, b = Σw. The linearised variables are
  // z = (a − p·b) / W for the proportion and a for the total; per stratum, Σz and Σz² over its PSUs.
  const a = new Float64Array(L);
  const b = new Float64Array(L);
  const touched = new Int32Array(L);
  const isTouched = new Uint8Array(L);
  let touchedCount = 0;
  const sz = new Float64Array(L);
  const szz = new Float64Array(L);
  const st = new Float64Array(L);
  const stt = new Float64Array(L);
  const stratumTouched = new Uint8Array(L);
  const varP = new Float64Array(L);
  const varT = new Float64Array(L);
  const { order, psu, stratum, psuCountByStratum } = design;

  const flushPsu = () => {
    for (let i = 0; i < touchedCount; i++) {
      const l = touched[i]!;
      const zm = (a[l]! - p[l]! * b[l]!) / W[l]!;
      sz[l]! += zm;
      szz[l]! += zm * zm;
      st[l]! += a[l]!;
      stt[l]! += a[l]! * a[l]!;
      stratumTouched[l] = 1;
      a[l] = 0;
      b[l] = 0;
      isTouched[l] = 0;
    }
    touchedCount = 0;
  };
  const flushStratum = (h: number) => {
    const nh = psuCountByStratum[h]!;
    const scale = nh / (nh - 1);
    for (let l = 0; l < L; l++) {
      if (!stratumTouched[l]) continue;
      varP[l]! += scale * Math.max(0, szz[l]! - (sz[l]! * sz[l]!) / nh);
      varT[l]! += scale * Math.max(0, stt[l]! - (st[l]! * st[l]!) / nh);
      sz[l] = szz[l] = st[l] = stt[l] = 0;
      stratumTouched[l] = 0;
    }
  };

  let currentPsu = -1;
  let currentStratum = -1;
  for (let i = 0; i < design.n; i++) {
    const k = order[i]!;
    if (psu[k] !== currentPsu) {
      flushPsu();
      if (stratum[k] !== currentStratum) {
        if (currentStratum >= 0) flushStratum(currentStratum);
        currentStratum = stratum[k]!;
      }
      currentPsu = psu[k]!;
    }
    const l = codes[k]!;
    const v = y[k]!;
    if (l < 0 || Number.isNaN(v)) continue;
    a[l]! += w[k]! * v;
    b[l]! += w[k]!;
    if (!isTouched[l]) {
      isTouched[l] = 1;
      touched[touchedCount++] = l;
    }
  }
  flushPsu();
  if (currentStratum >= 0) flushStratum(currentStratum);

  const out: Estimate[] = [];
  for (let l = 0; l < L; l++) {
    const base = { indicator: indicator.id, breakdown: breakdown.id, level: breakdown.levels[l]!, n: N[l]!, weightSum: W[l]! };
    if (N[l] === 0 || W[l] === 0) {
      out.push({ ...base, proportion: null, seProportion: null, total: null, seTotal: null, ciLow: null, ciHigh: null });
      continue;
    }
    const prop = p[l]!;
    const se = Math.sqrt(varP[l]!);
    const ci = logitInterval(prop, se);
    out.push({ ...base, proportion: prop, seProportion: se, total: T[l]!, seTotal: Math.sqrt(varT[l]!), ciLow: ci?.[0] ?? null, ciHigh: ci?.[1] ?? null });
  }
  return out;
}

/** expit(logit(p) ± z·SE/(p(1−p))); null when p is 0 or 1. */
export function logitInterval(p: number, se: number, z = Z_975): [number, number] | null {
  if (!(p > 0 && p < 1)) return null;
  const centre = Math.log(p / (1 - p));
  const half = (z * se) / (p * (1 - p));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return [expit(centre - half), expit(centre + half)];
}

/** The difference between two editions (independent samples): SE and significance at 5%. */
export function change(from: { proportion: number; se: number }, to: { proportion: number; se: number }) {
  const difference = to.proportion - from.proportion;
  const se = Math.sqrt(from.se ** 2 + to.se ** 2);
  return { difference, se, significant: se > 0 ? Math.abs(difference / se) > Z_975 : difference !== 0 };
}
