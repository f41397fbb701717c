// Labels of breakdowns and their levels, and number formats, shared by the pages (server and browser)
// and the CSV of a view. Messages are referenced one by one (not looked up by key), so that the
// browser bundle holds only these.
import { m } from '@passerelle/i18n';
import { COMMUNES, communeName } from '@passerelle/ui/geo/index.ts';

type Msg = (inputs?: Record<string, never>, options?: { locale?: 'fr' | 'nl' | 'en' }) => string;
type L = 'fr' | 'nl' | 'en';
const loc = (locale: string): L => (locale === 'nl' || locale === 'en' ? locale : 'fr');

export const bcp47 = (locale: string) => (locale === 'en' ? 'en-GB' : `${locale}-BE`);

const BY: Record<string, Msg> = {
  overall: m.barometer_pub_by_overall,
  commune: m.barometer_pub_by_commune,
  age_band: m.barometer_pub_by_age_band,
  gender: m.barometer_pub_by_gender,
  education: m.barometer_pub_by_education,
  income_band: m.barometer_pub_by_income_band
};
const LEVEL: Record<string, Msg> = {
  woman: m.barometer_pub_level_woman,
  man: m.barometer_pub_level_man,
  low: m.barometer_pub_level_low,
  medium: m.barometer_pub_level_medium,
  high: m.barometer_pub_level_high,
  q1: m.barometer_pub_level_q1,
  q2: m.barometer_pub_level_q2,
  q3: m.barometer_pub_level_q3,
  q4: m.barometer_pub_level_q4
};

export function breakdownLabel(by: string, locale: string): string {
  return BY[by]?.({}, { locale: loc(locale) }) ?? by;
}

export function levelLabel(by: string, level: string, locale: string): string {
  if (by === 'overall' || level === 'all') return m.barometer_pub_level_all({}, { locale: loc(locale) });
  if (by === 'commune') {
    const c = COMMUNES.find((x) => x.nis === level);
    return c ? communeName(c, locale) : level;
  }
  if (by === 'age_band') return m.barometer_pub_level_age({ band: level.replace('-', '–') }, { locale: loc(locale) });
  return LEVEL[level]?.({}, { locale: loc(locale) }) ?? level;
}

/** "46,2 %" in the page's language (values are proportions 0..1). */
export function percent(p: number | null, locale: string, digits = 1): string {
  return p === null ? '—' : new Intl.NumberFormat(bcp47(locale), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(p);
}

/** The status of a cell in words (null when it is simply shown). */
export function statusText(status: string, locale: string, reliableN: number): string | null {
  const o = { locale: loc(locale) };
  if (status === 'low_reliability') return m.barometer_pub_low_reliability({ n: reliableN }, o);
  if (status === 'suppressed') return m.barometer_pub_suppressed({}, o);
  if (status === 'suppressed_secondary') return m.barometer_pub_suppressed_secondary({}, o);
  if (status === 'empty') return m.barometer_pub_empty({}, o);
  return null;
}

/** A figure's confidence interval in words ("between 40.1% and 44.3%"), or why there is none. */
export function ciText(e: { proportion: number | null; ciLow: number | null; ciHigh: number | null }, locale: string): string {
  if (e.proportion === null) return '—';
  if (e.ciLow === null || e.ciHigh === null) return m.barometer_pub_no_ci({}, { locale: loc(locale) });
  return m.barometer_pub_ci({ low: percent(e.ciLow, locale), high: percent(e.ciHigh, locale) }, { locale: loc(locale) });
}
