import type { Db } from '@passerelle/db';
import { AppError, type Actor } from '@passerelle/trpc';
import { addDays, brusselsInstant, brusselsParts } from '@passerelle/plugin-sdk/time';
import { mapSvg } from '@passerelle/ui/static-map/svg.ts';
import { project } from '@passerelle/ui/static-map/project.ts';
import { isCoordinator, maySeeAddress, requireActor, trainerOf } from './access.ts';
import { communeLabel, fullAddress, subjectName, subjectSessions, type SessionWithPeople, type SubjectKind } from './schedule-read.ts';
import { travelEstimate, travelSettings, type TravelEstimate } from './travel.ts';
import { lang, topicLabel } from './labels.ts';
import type { TravelMode } from './lists.ts';

// Calendars (week and month) of a trainer, a venue or a kit, and a trainer's day: the sessions in
// order with the travel estimate between consecutive places, drawn on a map and printed as a sheet.
// Who reads what: coordinators any calendar; a trainer their own; a venue contact their venue's.

export const CALENDAR_VIEWS = ['week', 'month'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A valid YYYY-MM-DD, or today's Brussels date. */
export function dayOrToday(date: string | null | undefined, now: Date = new Date()): string {
  if (date && DAY.test(date) && brusselsInstant(date, 0)) {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date) return date;
  }
  return brusselsParts(now).day;
}

const weekdayOf = (day: string) => brusselsParts(brusselsInstant(day, 12 * 60)!).weekday;
const mondayOf = (day: string) => addDays(day, 1 - weekdayOf(day));
const hhmm = (d: Date) => {
  const m = brusselsParts(d).minute;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
function addMonths(day: string, n: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** Who may read the calendar of this trainer, venue or kit; its name. */
export async function requireCalendarReader(db: Db, actor: Actor | null, kind: SubjectKind, id: string): Promise<{ actor: Actor; name: string }> {
  const a = requireActor(actor);
  if (!isCoordinator(a)) {
    if (kind === 'trainer') {
      const own = await trainerOf(db, a);
      if (own.id !== id) throw new AppError('FORBIDDEN');
    } else if (kind === 'venue') {
      const v = await db.mobileVenue.findUnique({ where: { id }, select: { contactUserId: true } });
      if (!v || v.contactUserId !== a.id) throw new AppError('FORBIDDEN');
    } else throw new AppError('FORBIDDEN');
  }
  const name = await subjectName(db, kind, id);
  if (name === null) throw new AppError('NOT_FOUND');
  return { actor: a, name };
}

export interface SessionItem {
  id: string;
  day: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  topic: string;
  topicLabel: string;
  status: string;
  cancelReason: string;
  place: string;
  commune: string;
  /** The street address, or null where this person may not see it (a private home). */
  address: string | null;
  venueType: string;
  trainers: string[];
  trainerIds: string[];
  kit: string | null;
  seats: number;
}

function sessionItem(s: SessionWithPeople, actor: Actor, locale: string): SessionItem {
  const seeAddress = maySeeAddress(actor, s.venue, s.trainers.map((x) => x.trainer.userId));
  const commune = communeLabel(s.venue.commune, locale);
  return {
    id: s.id,
    day: brusselsParts(s.startsAt).day,
    start: hhmm(s.startsAt),
    end: hhmm(s.endsAt),
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    topic: s.topic,
    topicLabel: topicLabel(s.topic, locale),
    status: s.status,
    cancelReason: s.cancelReason,
    // A private home is named only for those who may see its address (its name may be a person's).
    place: seeAddress || s.venue.type !== 'private_home' ? s.venue.name : '',
    commune,
    address: seeAddress ? fullAddress(s.venue, locale) : null,
    venueType: s.venue.type,
    trainers: s.trainers.map((x) => x.trainer.user.displayName),
    trainerIds: s.trainers.map((x) => x.trainerId),
    kit: s.kit?.name ?? null,
    seats: s.seats
  };
}

/** A week (Monday to Sunday) or a month (whole weeks around it) of a trainer's, venue's or kit's sessions. */
export async function calendarView({ db, actor, kind, id, view, date, locale: rawLocale, now = new Date() }: { db: Db; actor: Actor | null; kind: SubjectKind; id: string; view: CalendarView; date?: string | null; locale: string; now?: Date }) {
  const locale = lang(rawLocale);
  const { actor: a, name } = await requireCalendarReader(db, actor, kind, id);
  const day = dayOrToday(date, now);
  const today = brusselsParts(now).day;
  let first: string;
  let count: number;
  let prev: string;
  let next: string;
  if (view === 'week') {
    first = mondayOf(day);
    count = 7;
    prev = addDays(first, -7);
    next = addDays(first, 7);
  } else {
    const monthStart = `${day.slice(0, 7)}-01`;
    const monthEnd = addDays(addMonths(monthStart, 1), -1);
    first = mondayOf(monthStart);
    count = Math.round((Date.parse(addDays(mondayOf(monthEnd), 7)) - Date.parse(first)) / 86_400_000);
    prev = addMonths(monthStart, -1);
    next = addMonths(monthStart, 1);
  }
  const last = addDays(first, count - 1);
  const sessions = await subjectSessions(db, { kind, id, from: brusselsInstant(first, 0)!, to: brusselsInstant(addDays(last, 1), 0)! });
  const items = sessions.map((s) => sessionItem(s, a, locale));
  const month = day.slice(0, 7);
  const days = Array.from({ length: count }, (_, i) => {
    const d = addDays(first, i);
    return { day: d, weekday: weekdayOf(d), inRange: view === 'week' || d.slice(0, 7) === month, today: d === today, sessions: items.filter((s) => s.day === d) };
  });
  const weeks = Array.from({ length: count / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
  return { kind, id, name, view, date: day, first, last, month, prev, next, today, days, weeks, count: items.length };
}

export interface DayStop extends SessionItem {
  n: number;
  latitude: number;
  longitude: number;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  accessNotes: string;
  wifi: boolean;
  kitContents: string[];
  registered: number;
  waiting: number;
  travel: TravelEstimate;
  /** Minutes between the end of the previous session and this start (null for the first). */
  gapMinutes: number | null;
  /** Whether the gap covers the travel estimate. */
  enoughTime: boolean;
}

/** A trainer's day: sessions in order from their home base, with the travel estimate of each leg. */
export async function trainerDay({ db, actor, trainerId, date, locale: rawLocale, now = new Date() }: { db: Db; actor: Actor | null; trainerId: string; date?: string | null; locale: string; now?: Date }) {
  const locale = lang(rawLocale);
  const { actor: a, name } = await requireCalendarReader(db, actor, 'trainer', trainerId);
  const trainer = await db.mobileTrainer.findUniqueOrThrow({ where: { id: trainerId } });
  const day = dayOrToday(date, now);
  const settings = await travelSettings(db);
  const sessions = await subjectSessions(db, { kind: 'trainer', id: trainerId, from: brusselsInstant(day, 0)!, to: brusselsInstant(addDays(day, 1), 0)! });
  const counts = sessions.length
    ? await db.mobileRegistration.groupBy({ by: ['sessionId', 'status'], where: { sessionId: { in: sessions.map((s) => s.id) } }, _count: { _all: true } })
    : [];
  const count = (sessionId: string, status: string) => counts.find((c) => c.sessionId === sessionId && c.status === status)?._count._all ?? 0;
  const mode = trainer.travelMode as TravelMode;
  const home = { latitude: trainer.homeLatitude, longitude: trainer.homeLongitude };
  let from = home;
  let fromLabel = 'home';
  let prevEnd: Date | null = null;
  const stops: DayStop[] = [];
  for (const s of sessions.filter((x) => x.status === 'scheduled')) {
    const to = { latitude: s.venue.latitude, longitude: s.venue.longitude };
    const travel = travelEstimate(from, to, mode, settings, fromLabel);
    const gapMinutes = prevEnd ? Math.round((s.startsAt.getTime() - prevEnd.getTime()) / 60_000) : null;
    const item = sessionItem(s, a, locale);
    const seeAddress = item.address !== null;
    stops.push({
      ...item,
      n: stops.length + 1,
      latitude: s.venue.latitude,
      longitude: s.venue.longitude,
      contactName: seeAddress ? s.venue.contactName : '',
      contactPhone: seeAddress ? s.venue.contactPhone : '',
      contactEmail: seeAddress ? s.venue.contactEmail : '',
      accessNotes: seeAddress ? s.venue.accessNotes : '',
      wifi: s.venue.wifi,
      kitContents: s.kit?.contents ?? [],
      registered: count(s.id, 'registered'),
      waiting: count(s.id, 'waiting'),
      travel,
      gapMinutes,
      enoughTime: gapMinutes === null || gapMinutes >= travel.minutes
    });
    from = to;
    fromLabel = s.id;
    prevEnd = s.endsAt;
  }
  return {
    trainer: { id: trainer.id, name, homeLabel: trainer.homeLabel, travelMode: mode, home },
    date: day,
    prev: addDays(day, -1),
    next: addDays(day, 1),
    weekday: weekdayOf(day),
    settings,
    stops,
    cancelled: sessions.filter((x) => x.status === 'cancelled').map((s) => sessionItem(s, a, locale)),
    totalKm: Math.round(stops.reduce((k, s) => k + s.travel.km, 0) * 10) / 10,
    totalMinutes: stops.reduce((k, s) => k + s.travel.minutes, 0)
  };
}

export type TrainerDay = Awaited<ReturnType<typeof trainerDay>>;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The day's route on the map of the 19 communes (a standalone SVG, no JavaScript): home base as a
 * square, the sessions as numbered circles, lines between them in order.
 */
export function dayMapSvg(day: Pick<TrainerDay, 'trainer' | 'stops'>, locale: string, title: string): string {
  const points = [project(day.trainer.home.longitude, day.trainer.home.latitude), ...day.stops.map((s) => project(s.longitude, s.latitude))];
  const route = points.length > 1 ? `<polyline points="${points.map(([x, y]) => `${x},${y}`).join(' ')}" fill="none" stroke="#1d70b8" stroke-width="4" stroke-linejoin="round" stroke-dasharray="10 5"/>` : '';
  const [hx, hy] = points[0]!;
  const homeMark = `<rect x="${hx - 9}" y="${hy - 9}" width="18" height="18" fill="#0b0c0c" stroke="#ffffff" stroke-width="2"/>`;
  const stops = points
    .slice(1)
    .map(([x, y], i) => `<g><circle cx="${x}" cy="${y}" r="13" fill="#d4351c" stroke="#ffffff" stroke-width="3"/><text x="${x}" y="${y + 5}" text-anchor="middle" font-family="sans-serif" font-size="14" font-weight="700" fill="#ffffff">${i + 1}</text></g>`)
    .join('');
  const svg = mapSvg({ locale: lang(locale) });
  return svg.replace(/^<svg([^>]*)>/, `<svg$1 role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>`).replace(/<\/svg>$/, `${route}${homeMark}${stops}</svg>`);
}

/** The calendars this person may open. */
export async function myCalendars({ db, actor }: { db: Db; actor: Actor | null }) {
  const a = requireActor(actor);
  const profile = await db.mobileTrainer.findUnique({ where: { userId: a.id }, include: { user: { select: { displayName: true } } } });
  const trainer = profile && profile.active && a.memberships.some((m) => m.organisationId === profile.organisationId) ? { id: profile.id, name: profile.user.displayName } : null;
  const venues = await db.mobileVenue.findMany({ where: { contactUserId: a.id, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const coordinator = isCoordinator(a);
  const directory = coordinator
    ? {
        trainers: (await db.mobileTrainer.findMany({ where: { active: true }, include: { user: { select: { displayName: true } } }, orderBy: { createdAt: 'asc' }, take: 500 })).map((t) => ({ id: t.id, name: t.user.displayName })),
        venues: await db.mobileVenue.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 1000 }),
        kits: await db.mobileKit.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 500 })
      }
    : null;
  return { trainer, venues, coordinator, directory };
}
