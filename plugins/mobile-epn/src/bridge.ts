import type { Db } from '@passerelle/db';
import { COMMUNES } from '@passerelle/db/communes';
import { t } from '@passerelle/i18n';
import { brusselsInstant } from '@passerelle/plugin-sdk/time';
import type { BarometerContextFigure, BarometerContextProvider, LocalizedText } from '@passerelle/trpc';

// What mobile-epn offers other plugins (wired by packages/api/src/bridges.ts).

const text = (key: string): LocalizedText => ({ fr: t(key, {}, { locale: 'fr' }), nl: t(key, {}, { locale: 'nl' }), en: t(key, {}, { locale: 'en' }) });

/**
 * Barometer context for a year, per commune of the venue: workshops held (not cancelled and over by
 * `now`, started during the year in Brussels time), and their attendees as recorded by the trainers
 * (registered people marked present plus walk-ins). A commune where workshops were held but no
 * attendance was recorded has no attendee figure (null), not zero. Nothing when no workshop was held
 * in the region that year.
 */
export async function mobileContextFigures({ db, year, now = new Date() }: { db: Db; year: number; now?: Date }): Promise<BarometerContextFigure[]> {
  const from = brusselsInstant(`${year}-01-01`, 0)!;
  const to = brusselsInstant(`${year + 1}-01-01`, 0)!;
  const sessions = await db.mobileSession.findMany({
    where: { status: 'scheduled', startsAt: { gte: from, lt: to }, endsAt: { lte: now } },
    select: { attendanceAt: true, walkIns: true, venue: { select: { communeNis: true } }, _count: { select: { registrations: { where: { attended: true } } } } }
  });
  if (sessions.length === 0) return [];
  const held: Record<string, number | null> = Object.fromEntries(COMMUNES.map((c) => [c.nis, 0]));
  const attendees: Record<string, number | null> = Object.fromEntries(COMMUNES.map((c) => [c.nis, 0]));
  const recorded = new Set<string>();
  for (const s of sessions) {
    const nis = s.venue.communeNis;
    if (!(nis in held)) continue;
    held[nis]! += 1;
    if (!s.attendanceAt) continue;
    recorded.add(nis);
    let walkIns = 0;
    for (const byGender of Object.values((s.walkIns ?? {}) as Record<string, Record<string, number>>)) for (const n of Object.values(byGender)) walkIns += Number(n) || 0;
    attendees[nis]! += s._count.registrations + walkIns;
  }
  for (const nis of Object.keys(attendees)) if (held[nis]! > 0 && !recorded.has(nis)) attendees[nis] = null;
  return [
    { id: 'mobile-epn.sessions', label: text('mobile_epn_ctx_sessions_label'), unit: text('mobile_epn_ctx_sessions_unit'), source: text('mobile_epn_ctx_sessions_source'), values: held },
    { id: 'mobile-epn.attendees', label: text('mobile_epn_ctx_attendees_label'), unit: text('mobile_epn_ctx_attendees_unit'), source: text('mobile_epn_ctx_attendees_source'), values: attendees }
  ];
}

/** The provider packages/api registers with the barometer. */
export const barometerContextFigures: BarometerContextProvider = ({ db, year }) => mobileContextFigures({ db, year });
