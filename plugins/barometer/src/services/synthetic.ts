import { COMMUNES, DSI_AREAS, type Respondent } from './variables.ts';

// SYNTHETIC microdata for the demo and the tests: made up, and labelled so wherever it appears. It has
// the shape of Statbel's ICT survey (people aged 16–74): one stratum per commune, ten clusters
// (statistical sectors) per commune, design weights summing to the commune's population, and answers
// drawn from a model whose regional figures are close to the published ones (digitally vulnerable:
// about 46% in 2021, 40% in 2023, 36% in 2025). Deterministic: the same seed gives the same data.

export const SYNTHETIC_LABEL = 'SYNTHETIC DEMO DATA — not real survey results';

/** Residents aged 16–74 per commune (rounded, order of COMMUNES), and a deprivation score 0..1. */
const POPULATION = [91000, 25000, 18500, 141000, 35000, 31000, 41000, 18000, 63000, 38000, 16000, 70000, 36000, 19500, 96000, 60000, 18000, 42000, 30000];
const DEPRIVATION = [0.75, 0.2, 0.4, 0.7, 0.45, 0.5, 0.55, 0.35, 0.4, 0.45, 0.7, 0.85, 0.65, 0.95, 0.75, 0.15, 0.1, 0.2, 0.1];
const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74'] as const;
const AGE_SHARE = [0.15, 0.22, 0.2, 0.17, 0.15, 0.11];
const AGE_EFFECT = [0.5, 0.6, 0.4, 0.1, -0.4, -1.0];

/** mulberry32: small and deterministic. */
export function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function pick<T>(random: () => number, items: readonly T[], shares: readonly number[]): T {
  let u = random();
  for (let i = 0; i < items.length; i++) {
    u -= shares[i]!;
    if (u < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** Skill trend per edition year (higher = more skilled). */
const yearEffect = (year: number) => (year - 2021) * 0.085;

export interface SyntheticOptions {
  year: number;
  respondents?: number;
  seed?: number;
  /** Clusters (PSUs) per commune. */
  clusters?: number;
}

/** Respondents of one synthetic edition, with weight, stratum (commune NIS) and psu (sector id). */
export function* syntheticRespondents({ year, respondents = 6000, seed = year, clusters = 10 }: SyntheticOptions): Generator<Respondent> {
  const random = seeded(seed);
  const total = POPULATION.reduce((a, b) => a + b, 0);
  // Allocation: proportional, at least 120 per commune, so that every commune has a usable sample.
  const sizes = POPULATION.map((p) => Math.max(120, Math.round((respondents * p) / total)));
  for (let c = 0; c < COMMUNES.length; c++) {
    const commune = COMMUNES[c]!;
    const size = sizes[c]!;
    const sectorEffect = Array.from({ length: clusters }, () => normal(random) * 0.35);
    for (let k = 0; k < size; k++) {
      const sector = k % clusters;
      const deprivation = DEPRIVATION[c]!;
      const ageIndex = AGE_BANDS.indexOf(pick(random, AGE_BANDS, AGE_SHARE));
      const education = pick(random, ['low', 'medium', 'high'] as const, [0.2 + 0.2 * deprivation, 0.35, 0.45 - 0.2 * deprivation]);
      const incomeShift = (education === 'high' ? 0.8 : education === 'low' ? -0.8 : 0) - deprivation + normal(random) * 0.8;
      const income = incomeShift < -0.9 ? 'q1' : incomeShift < -0.3 ? 'q2' : incomeShift < 0.3 ? 'q3' : 'q4';
      const skill = 0.95 + yearEffect(year) + AGE_EFFECT[ageIndex]! + (education === 'high' ? 0.7 : education === 'low' ? -0.8 : 0) + (['q1', 'q2', 'q3', 'q4'].indexOf(income) - 1.5) * 0.2 - deprivation * 0.6 + sectorEffect[sector]! + normal(random) * 0.9;
      const nonUser = skill + normal(random) * 0.3 < -1.2;
      const internetUse = nonUser ? pick(random, ['12m', 'more', 'never'] as const, [0.25, 0.25, 0.5]) : '3m';
      const areas: Record<string, number | null> = {};
      for (const area of DSI_AREAS) {
        if (nonUser) areas[area] = null;
        else {
          const s = skill + normal(random) * 0.55 + (area === 'dsi_content' ? -0.35 : area === 'dsi_communication' ? 0.45 : area === 'dsi_information' ? 0.35 : 0);
          areas[area] = s < -0.15 ? 0 : s < 0.85 ? 1 : 2;
        }
      }
      const answered = random() > 0.02; // a few item non-responses
      yield {
        weight: Math.round((POPULATION[c]! / size) * (0.7 + 0.6 * random()) * 100) / 100,
        stratum: commune,
        psu: `${commune}-${String(sector + 1).padStart(2, '0')}`,
        commune,
        age_band: AGE_BANDS[ageIndex]!,
        gender: random() < 0.5 ? 'woman' : 'man',
        education,
        income_band: income,
        internet_use: internetUse,
        ...areas,
        home_internet: random() < (nonUser ? 0.45 : 0.05 + 0.08 * deprivation) ? 0 : 1,
        access_devices: nonUser ? 'none' : random() < 0.3 - skill * 0.12 ? 'smartphone_only' : 'computer',
        egov_12m: nonUser ? 0 : random() < 0.62 + skill * 0.1 ? 1 : 0,
        eid_itsme: nonUser ? 0 : random() < 0.66 + skill * 0.1 ? 1 : 0,
        admin_help: answered ? (random() < 0.3 - skill * 0.08 ? 1 : 0) : null,
        safety_precautions: nonUser ? null : Math.max(0, Math.min(7, Math.round(3 + skill * 1.5 + normal(random) * 1.5)))
      };
    }
  }
}
