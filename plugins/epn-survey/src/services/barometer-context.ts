import { sqlOf, type Db } from '@passerelle/db';
import { COMMUNES } from '@passerelle/db/communes';
import { t } from '@passerelle/i18n';
import { brusselsInstant } from '@passerelle/plugin-sdk/time';
import type { BarometerContextFigure, LocalizedText } from '@passerelle/trpc';
import { COUNTED } from './dashboard.ts';

// Context figures for the barometer's map (wired as Bridges.barometerContext by packages/api): per
// Brussels commune and survey year, how many EPNs there are per 10,000 residents aged 16–74, and the
// support sessions and attendees the EPNs reported. Counts only, no person-level data.

const text = (key: string): LocalizedText => ({ fr: t(key, {}, { locale: 'fr' }), nl: t(key, {}, { locale: 'nl' }), en: t(key, {}, { locale: 'en' }) });

const emptyValues = () => Object.fromEntries(COMMUNES.map((c) => [c.nis, 0])) as Record<string, number | null>;

/** Start of 1 January of `year`, Brussels time. */
const yearStart = (year: number) => brusselsInstant(`${year}-01-01`, 0)!;

/**
 * The figures for a year. `population`: estimated residents aged 16–74 per commune (the barometer's
 * sum of weights); a commune without it gets no rate (null).
 * - EPNs: fixed places (not itinerant) of the directory known by the end of the year: listed by then, or
 *   with activity reported up to then (a directory loaded later still counts the EPNs that were active).
 *   The directory keeps no opening or closing dates, so a place removed since is not counted for past
 *   years either.
 * - Sessions and attendees: activity reports of the year at an EPN, in the EPN's commune (monthly totals
 *   stand in for a month's single sessions, as on the dashboards). Left out when nothing was reported
 *   that year anywhere in the region (no data is not the same as zero).
 */
export async function epnContextFigures({ db, year, population }: { db: Db; year: number; population: Readonly<Record<string, number>> }): Promise<BarometerContextFigure[]> {
  const end = yearStart(year + 1);
  const places = await db.epnPlace.groupBy({
    by: ['communeNis'],
    where: { mobile: false, OR: [{ createdAt: { lt: end } }, { activities: { some: { date: { lt: new Date(`${year + 1}-01-01T00:00:00Z`) } } } }] },
    _count: { _all: true }
  });
  const figures: BarometerContextFigure[] = [];
  if (places.length > 0) {
    const count = emptyValues();
    for (const p of places) if (p.communeNis in count) count[p.communeNis] = p._count._all;
    const rate: Record<string, number | null> = {};
    for (const [nis, n] of Object.entries(count)) {
      const pop = population[nis];
      rate[nis] = pop !== undefined && Number.isFinite(pop) && pop > 0 ? Math.round(((n ?? 0) / pop) * 10_000 * 100) / 100 : null;
    }
    figures.push(
      { id: 'epn-survey.epns_per_10k', label: text('epn_survey_ctx_epns_per_10k_label'), unit: text('epn_survey_ctx_epns_per_10k_unit'), source: text('epn_survey_ctx_epns_per_10k_source'), values: rate },
      { id: 'epn-survey.epns', label: text('epn_survey_ctx_epns_label'), unit: text('epn_survey_ctx_epns_unit'), source: text('epn_survey_ctx_epns_source'), values: count }
    );
  }

  const rows = await sqlOf(db).query<{ nis: string; sessions: number; people: number }>(
    `SELECT p."communeNis" AS nis, SUM(a."sessions")::int AS sessions, SUM(a."attendeeCount")::int AS people
     FROM ${COUNTED} a JOIN "epn_place" p ON p."id" = a."placeId"
     WHERE a."date" >= $1::date AND a."date" < $2::date GROUP BY 1`,
    [`${year}-01-01`, `${year + 1}-01-01`]
  );
  if (rows.length > 0) {
    const sessions = emptyValues();
    const people = emptyValues();
    for (const r of rows) {
      if (!(r.nis in sessions)) continue;
      sessions[r.nis] = Number(r.sessions);
      people[r.nis] = Number(r.people);
    }
    figures.push(
      { id: 'epn-survey.sessions', label: text('epn_survey_ctx_sessions_label'), unit: text('epn_survey_ctx_sessions_unit'), source: text('epn_survey_ctx_sessions_source'), values: sessions },
      { id: 'epn-survey.attendees', label: text('epn_survey_ctx_attendees_label'), unit: text('epn_survey_ctx_attendees_unit'), source: text('epn_survey_ctx_attendees_source'), values: people }
    );
  }
  return figures;
}
