import { t } from '@passerelle/i18n';
import type { Headline, Overview } from './overview.ts';

// Easy-read summaries of the overview, in short sentences ("About 4 in 10 people..."), written from the
// released figures at each request: no figure is ever typed into a message.

export type Fraction = { kind: 'fraction'; count: number; of: number } | { kind: 'almost_all' } | { kind: 'very_few' };

/** A share as people can picture it: "4 in 10" from 15%, "1 in 12" below, "nearly everyone", "very few". */
export function approximate(p: number): Fraction {
  if (p >= 0.95) return { kind: 'almost_all' };
  if (p < 0.01) return { kind: 'very_few' };
  if (p >= 0.15) return { kind: 'fraction', count: Math.round(p * 10), of: 10 };
  return { kind: 'fraction', count: 1, of: Math.round(1 / p) };
}

/** Indicators that have easy-read sentences of their own (the others use their name). */
export const EASY_READ = ['digitally_vulnerable', 'non_users', 'skills_low', 'skills_none', 'no_home_internet', 'admin_help'] as const;

function sentence(h: Headline, locale: string): string {
  const p = h.estimate.proportion!;
  const f = approximate(p);
  const name = h.name[locale as 'fr' | 'nl' | 'en'] ?? h.name.fr;
  const known = (EASY_READ as readonly string[]).includes(h.indicatorId);
  if (f.kind !== 'fraction' || !known) {
    const percent = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-BE`, { style: 'percent', maximumFractionDigits: 0 }).format(p);
    return t(f.kind === 'almost_all' ? 'barometer_pub_easy_almost_all' : f.kind === 'very_few' ? 'barometer_pub_easy_very_few' : 'barometer_pub_easy_generic', { name, percent }, { locale });
  }
  return t(`barometer_pub_easy_${h.indicatorId}_${f.count === 1 ? 'one' : 'many'}`, { count: f.count, of: f.of }, { locale });
}

function changeSentence(h: Headline, locale: string): string | null {
  if (!h.change) return null;
  const year = h.change.fromYear;
  if (!h.change.significant) return t('barometer_pub_easy_same', { year }, { locale });
  return t(h.change.difference < 0 ? 'barometer_pub_easy_fewer' : 'barometer_pub_easy_more', { year }, { locale });
}

/** The overview in easy-read sentences, in `locale` (fr, nl or en). */
export function easyRead(o: Overview, locale: string): string[] {
  const out: string[] = [];
  if (o.respondents !== null) out.push(t('barometer_pub_easy_intro', { year: o.version.year, n: o.respondents }, { locale }));
  for (const h of o.headlines) {
    const c = changeSentence(h, locale);
    out.push(c ? `${sentence(h, locale)} ${c}` : sentence(h, locale));
  }
  if (o.version.synthetic) out.push(t('barometer_pub_easy_synthetic', undefined, { locale }));
  return out;
}
