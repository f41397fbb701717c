import { Prisma, type Db } from '@passerelle/db';
import { addDays, brusselsParts } from '@passerelle/plugin-sdk/time';
import { travelEstimate, travelSettings, type Point, type TravelEstimate, type TravelSettings } from './travel.ts';
import type { TravelMode } from './lists.ts';

// The scheduling rules, in one place. A proposal (start, end, trainers, kit, venue, seats) is checked
// against a snapshot of what is booked; every broken rule comes back as a conflict explained with its
// facts (message key mobile_epn_sched_conflict_<code>, parameters with Brussels times). The same pure
// function serves the check before saving, the re-check inside the saving transaction, and the
// suggestions, so that a suggestion can never break a rule that a save would enforce.
//
// Decisions:
// - Intervals are half-open: a session ending at 12:00 and one starting at 12:00 do not overlap (but
//   the travel rule still needs the trip between them to fit in 0 minutes: only the same place fits).
// - Weekly availability is Brussels wall-clock time: the whole session must sit inside one window of
//   its Brussels weekday. A session ending exactly at midnight needs a window ending at 24:00; one that
//   crosses midnight needs a window to 24:00 on its first day and one from 00:00 on the next.
// - Travel: for each trainer, the nearest session ending at or before the start and the nearest one
//   starting at or after the end (any day). The trip between venues must fit in the real gap between the
//   instants (DST and midnight are nothing special). The assumption kept with the session is the trip
//   from the previous session when it ended the same Brussels day or less than 6 hours before the start
//   (night work across midnight), otherwise from the trainer's home base (first session of the day).
// - Kit devices: a session with a kit needs at least one device per seat (the kit is what participants
//   use). Without a kit there is no device rule (participants bring their own, or it is a home visit).
// - A trainer who lacks the topic or the language, an inactive trainer, an archived venue: conflicts too.

export type ConflictCode =
  | 'trainer_unknown'
  | 'trainer_inactive'
  | 'trainer_busy'
  | 'trainer_absent'
  | 'trainer_unavailable'
  | 'trainer_topic'
  | 'trainer_language'
  | 'travel_before'
  | 'travel_after'
  | 'kit_unknown'
  | 'kit_busy'
  | 'kit_repair'
  | 'kit_archived'
  | 'kit_devices'
  | 'venue_unknown'
  | 'venue_archived'
  | 'venue_capacity'
  | 'no_trainer'
  | 'bad_times';

export interface Conflict {
  code: ConflictCode;
  /** Translated by `mobile_epn_sched_conflict_<code>` with these parameters (times are Brussels wall-clock). */
  params: Record<string, string | number>;
  trainerId?: string;
  kitId?: string;
  /** The other session, absence or window involved. */
  sessionId?: string;
  absenceId?: string;
}

export interface Proposal {
  startsAt: Date;
  endsAt: Date;
  trainerIds: string[];
  kitId: string | null;
  venueId: string;
  seats: number;
  topic: string;
  language: string;
  /** The session being edited: not a conflict with itself. */
  excludeSessionId?: string | null;
}

export interface Booking {
  id: string;
  start: number;
  end: number;
  venueId: string;
  venueName: string;
  latitude: number;
  longitude: number;
}

export interface TrainerFacts {
  id: string;
  name: string;
  active: boolean;
  languages: string[];
  topics: string[];
  home: Point;
  homeLabel: string;
  travelMode: TravelMode;
  availability: { weekday: number; startMinute: number; endMinute: number }[];
  absences: { id: string; start: number; end: number; reason: string }[];
  /** Non-cancelled sessions, sorted by start. Complete inside the snapshot's range, plus the nearest one on each side. */
  bookings: Booking[];
}

export interface KitFacts {
  id: string;
  name: string;
  status: string;
  archived: boolean;
  devices: number;
  bookings: Booking[];
}

export interface VenueFacts {
  id: string;
  name: string;
  type: string;
  capacity: number;
  archived: boolean;
  latitude: number;
  longitude: number;
}

export interface Snapshot {
  settings: TravelSettings;
  trainers: Map<string, TrainerFacts>;
  kits: Map<string, KitFacts>;
  venues: Map<string, VenueFacts>;
}

/** What a session stores per trainer and shows: the trip to it, from the previous session or from home. */
export interface TravelAssumption extends TravelEstimate {
  /** 'session' (the previous session's venue) or 'home'. */
  origin: 'session' | 'home';
  fromSessionId: string | null;
  fromName: string;
  /** Minutes between the previous session's end and this start (null from home). */
  gapMinutes: number | null;
}

export interface Evaluation {
  conflicts: Conflict[];
  travel: Record<string, TravelAssumption>;
}

/** "2026-12-01 10:00", Brussels wall-clock. */
export const brusselsText = (ms: number | Date) => {
  const p = partsOf(typeof ms === 'number' ? ms : ms.getTime());
  return `${p.day} ${hhmm(p.minute)}`;
};
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const SAME_DAY_GAP_MS = 6 * 3_600_000;

// Brussels' offset from UTC is always a whole number of hours, so the wall-clock facts of an instant
// are those of its UTC hour plus the minutes past it: one Intl call per hour, remembered.
const HOUR = 3_600_000;
const hourParts = new Map<number, { day: string; weekday: number; minute: number }>();
export function partsOf(ms: number): { day: string; weekday: number; minute: number } {
  const bucket = Math.floor(ms / HOUR);
  let base = hourParts.get(bucket);
  if (!base) {
    base = brusselsParts(new Date(bucket * HOUR));
    if (hourParts.size > 200_000) hourParts.clear();
    hourParts.set(bucket, base);
  }
  return { day: base.day, weekday: base.weekday, minute: base.minute + Math.floor((ms - bucket * HOUR) / 60_000) };
}

/** True when the session lies inside the trainer's weekly windows (Brussels wall-clock). */
export function insideAvailability(windows: TrainerFacts['availability'], start: number, end: number): boolean {
  if (end <= start) return false;
  const s = partsOf(start);
  const e = partsOf(end);
  const covers = (weekday: number, from: number, to: number) => windows.some((w) => w.weekday === weekday && w.startMinute <= from && w.endMinute >= to);
  if (s.day === e.day) return covers(s.weekday, s.minute, e.minute);
  if (e.day !== addDays(s.day, 1)) return false;
  if (e.minute === 0) return covers(s.weekday, s.minute, 1440);
  return covers(s.weekday, s.minute, 1440) && covers((s.weekday % 7) + 1, 0, e.minute);
}

/** The nearest booking ending at or before `start`, and the nearest starting at or after `end`. */
export function neighbours(bookings: readonly Booking[], start: number, end: number, exclude?: string | null): { prev: Booking | null; next: Booking | null } {
  let prev: Booking | null = null;
  let next: Booking | null = null;
  for (const b of bookings) {
    if (b.id === exclude) continue;
    if (b.end <= start && (!prev || b.end > prev.end)) prev = b;
    if (b.start >= end && (!next || b.start < next.start)) next = b;
  }
  return { prev, next };
}

/** Does the previous session count as "where the trainer comes from", or do they start from home? */
export const comesFrom = (prevEnd: number, start: number) => start - prevEnd < SAME_DAY_GAP_MS || partsOf(prevEnd).day === partsOf(start).day;

export function assumptionFor(t: TrainerFacts, venue: Point, prev: Booking | null, start: number, settings: TravelSettings): TravelAssumption {
  if (prev && comesFrom(prev.end, start)) {
    return { ...travelEstimate(prev, venue, t.travelMode, settings, prev.id), origin: 'session', fromSessionId: prev.id, fromName: prev.venueName, gapMinutes: Math.floor((start - prev.end) / 60_000) };
  }
  return { ...travelEstimate(t.home, venue, t.travelMode, settings, 'home'), origin: 'home', fromSessionId: null, fromName: t.homeLabel, gapMinutes: null };
}

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

/** Every rule, checked on a snapshot. Pure: no database. */
export function evaluate(snapshot: Snapshot, p: Proposal, opts: { assumptions?: boolean } = {}): Evaluation {
  const conflicts: Conflict[] = [];
  const travel: Record<string, TravelAssumption> = {};
  const start = p.startsAt.getTime();
  const end = p.endsAt.getTime();
  // Texts are built only for the conflicts found (suggestions evaluate thousands of candidates).
  const when = () => ({ start: brusselsText(start), end: brusselsText(end) });
  if (!(end > start)) conflicts.push({ code: 'bad_times', params: when() });
  const venue = snapshot.venues.get(p.venueId);
  if (!venue) conflicts.push({ code: 'venue_unknown', params: {} });
  else {
    if (venue.archived) conflicts.push({ code: 'venue_archived', params: { venue: venue.name } });
    if (p.seats > venue.capacity) conflicts.push({ code: 'venue_capacity', params: { venue: venue.name, capacity: venue.capacity, seats: p.seats } });
  }
  if (p.trainerIds.length === 0) conflicts.push({ code: 'no_trainer', params: {} });

  for (const trainerId of p.trainerIds) {
    const t = snapshot.trainers.get(trainerId);
    if (!t) {
      conflicts.push({ code: 'trainer_unknown', params: {}, trainerId });
      continue;
    }
    const who = { trainer: t.name };
    if (!t.active) conflicts.push({ code: 'trainer_inactive', params: who, trainerId });
    if (!t.topics.includes(p.topic)) conflicts.push({ code: 'trainer_topic', params: { ...who, topic: p.topic }, trainerId });
    if (!t.languages.includes(p.language)) conflicts.push({ code: 'trainer_language', params: { ...who, language: p.language }, trainerId });
    for (const b of t.bookings) {
      if (b.id !== p.excludeSessionId && overlaps(start, end, b.start, b.end)) conflicts.push({ code: 'trainer_busy', params: { ...who, venue: b.venueName, start: brusselsText(b.start), end: brusselsText(b.end) }, trainerId, sessionId: b.id });
    }
    for (const a of t.absences) {
      if (overlaps(start, end, a.start, a.end)) conflicts.push({ code: 'trainer_absent', params: { ...who, start: brusselsText(a.start), end: brusselsText(a.end), reason: a.reason }, trainerId, absenceId: a.id });
    }
    if (end > start && !insideAvailability(t.availability, start, end)) {
      const weekday = partsOf(start).weekday;
      const windows = t.availability.filter((w) => w.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute).map((w) => `${hhmm(w.startMinute)}–${hhmm(w.endMinute)}`);
      conflicts.push({ code: 'trainer_unavailable', params: { ...who, ...when(), weekday, windows: windows.join(', ') || '—' }, trainerId });
    }
    if (!venue) continue;
    const { prev, next } = neighbours(t.bookings, start, end, p.excludeSessionId);
    if (prev) {
      const trip = travelEstimate(prev, venue, t.travelMode, snapshot.settings, prev.id);
      const gap = Math.floor((start - prev.end) / 60_000);
      if (trip.minutes > gap) conflicts.push({ code: 'travel_before', params: { ...who, from: prev.venueName, to: venue.name, end: brusselsText(prev.end), start: when().start, gap, needed: trip.minutes, km: trip.km, mode: t.travelMode }, trainerId, sessionId: prev.id });
    }
    if (next) {
      const trip = travelEstimate(venue, next, t.travelMode, snapshot.settings, 'this');
      const gap = Math.floor((next.start - end) / 60_000);
      if (trip.minutes > gap) conflicts.push({ code: 'travel_after', params: { ...who, from: venue.name, to: next.venueName, end: when().end, start: brusselsText(next.start), gap, needed: trip.minutes, km: trip.km, mode: t.travelMode }, trainerId, sessionId: next.id });
    }
    // The assumption is information, not a rule: the suggestions' first pass over every candidate skips it.
    if (opts.assumptions !== false) travel[trainerId] = assumptionFor(t, venue, prev, start, snapshot.settings);
  }

  if (p.kitId) {
    const k = snapshot.kits.get(p.kitId);
    if (!k) conflicts.push({ code: 'kit_unknown', params: {}, kitId: p.kitId });
    else {
      const kit = { kit: k.name };
      if (k.archived) conflicts.push({ code: 'kit_archived', params: kit, kitId: k.id });
      if (k.status !== 'available') conflicts.push({ code: 'kit_repair', params: kit, kitId: k.id });
      if (k.devices < p.seats) conflicts.push({ code: 'kit_devices', params: { ...kit, devices: k.devices, seats: p.seats }, kitId: k.id });
      for (const b of k.bookings) {
        if (b.id !== p.excludeSessionId && overlaps(start, end, b.start, b.end)) conflicts.push({ code: 'kit_busy', params: { ...kit, venue: b.venueName, start: brusselsText(b.start), end: brusselsText(b.end) }, kitId: k.id, sessionId: b.id });
      }
    }
  }
  return { conflicts, travel };
}

/** Extra travel minutes a slot adds to the trainer's day: prev -> venue -> next, minus prev -> next. */
export function extraTravel(t: TrainerFacts, venue: Point, start: number, end: number, settings: TravelSettings, exclude?: string | null): number {
  const { prev, next } = neighbours(t.bookings, start, end, exclude);
  const from: Point = prev && comesFrom(prev.end, start) ? prev : t.home;
  const to: Point = next && comesFrom(end, next.start) ? next : t.home;
  const m = (a: Point, b: Point) => travelEstimate(a, b, t.travelMode, settings).minutes;
  return m(from, venue) + m(venue, to) - m(from, to);
}

// ---- Loading a snapshot -----------------------------------------------------------------------------

type Tx = Db | Prisma.TransactionClient;

interface RawNeighbour {
  trainerId: string;
  id: string;
  startsAt: Date;
  endsAt: Date;
  venueId: string;
  name: string;
  latitude: number;
  longitude: number;
}

/** Per trainer, the nearest non-cancelled session ending at or before `at` ('before') or starting at or after it ('after'). */
async function neighbourSessions(db: Tx, trainerIds: string[], at: Date, side: 'before' | 'after', exclude: string | null): Promise<RawNeighbour[]> {
  if (!trainerIds.length) return [];
  const ids = Prisma.join(trainerIds);
  const ex = exclude ?? '';
  const cols = Prisma.sql`st."trainerId" AS "trainerId", s."id" AS "id", s."startsAt" AS "startsAt", s."endsAt" AS "endsAt", s."venueId" AS "venueId", v."name" AS "name", v."latitude" AS "latitude", v."longitude" AS "longitude"`;
  const join = Prisma.sql`FROM "mobile_session_trainer" st JOIN "mobile_session" s ON s."id" = st."sessionId" JOIN "mobile_venue" v ON v."id" = s."venueId"`;
  return side === 'before'
    ? db.$queryRaw<RawNeighbour[]>(Prisma.sql`SELECT DISTINCT ON (st."trainerId") ${cols} ${join}
      WHERE st."trainerId" IN (${ids}) AND s."status" <> 'cancelled' AND s."id" <> ${ex} AND s."endsAt" <= ${at}
      ORDER BY st."trainerId", s."endsAt" DESC, s."id"`)
    : db.$queryRaw<RawNeighbour[]>(Prisma.sql`SELECT DISTINCT ON (st."trainerId") ${cols} ${join}
      WHERE st."trainerId" IN (${ids}) AND s."status" <> 'cancelled' AND s."id" <> ${ex} AND s."startsAt" >= ${at}
      ORDER BY st."trainerId", s."startsAt" ASC, s."id"`);
}

export interface SnapshotScope {
  trainerIds?: string[];
  /** All active trainers (suggestions) instead of a list. */
  allTrainers?: boolean;
  kitIds?: string[];
  allKits?: boolean;
  venueIds: string[];
  from: Date;
  to: Date;
  excludeSessionId?: string | null;
  settings?: TravelSettings;
  /** Inside an interactive transaction: one statement at a time on its one connection. */
  sequential?: boolean;
}

/** The loads run in parallel on a pool, one after the other on a transaction's single connection. */
async function both<A, B, C, D>(sequential: boolean, a: () => Promise<A>, b: () => Promise<B>, c: () => Promise<C>, d: () => Promise<D>): Promise<[A, B, C, D]> {
  if (!sequential) return Promise.all([a(), b(), c(), d()]);
  return [await a(), await b(), await c(), await d()];
}

/**
 * What the rules need to judge proposals between `from` and `to`: the trainers (availability, absences,
 * every session overlapping the range plus the nearest on each side), the kits and their sessions in the
 * range, the venues. A handful of queries whatever the number of trainers.
 */
export async function loadSnapshot(db: Tx, scope: SnapshotScope): Promise<Snapshot> {
  // Plain SQL (parameterised): Prisma's nested includes cost far more CPU than the queries themselves on
  // the hot path of suggestions (hundreds of sessions per load).
  const exclude = scope.excludeSessionId ?? '';
  const seq = !!scope.sequential;
  const trainerFilter = scope.allTrainers ? Prisma.sql`t."active" = true` : (scope.trainerIds ?? []).length ? Prisma.sql`t."id" IN (${Prisma.join(scope.trainerIds!)})` : Prisma.sql`false`;
  const kitFilter = scope.allKits ? Prisma.sql`k."archivedAt" IS NULL AND k."status" = 'available'` : (scope.kitIds ?? []).length ? Prisma.sql`k."id" IN (${Prisma.join(scope.kitIds!)})` : Prisma.sql`false`;
  const venueFilter = scope.venueIds.length ? Prisma.sql`v."id" IN (${Prisma.join(scope.venueIds)})` : Prisma.sql`false`;
  type TrainerRow = { id: string; active: boolean; languages: string[]; topics: string[]; homeLatitude: number; homeLongitude: number; homeLabel: string; travelMode: string; name: string };
  type KitRow = { id: string; name: string; status: string; archivedAt: Date | null; devices: number };
  type VenueRow = { id: string; name: string; type: string; capacity: number; archivedAt: Date | null; latitude: number; longitude: number };
  const [settings, trainers, venues, kits] = await both(
    seq,
    () => (scope.settings ? Promise.resolve(scope.settings) : travelSettings(db as Db)),
    () => db.$queryRaw<TrainerRow[]>(Prisma.sql`SELECT t."id", t."active", t."languages", t."topics", t."homeLatitude", t."homeLongitude", t."homeLabel", t."travelMode", u."displayName" AS "name"
      FROM "mobile_trainer" t JOIN "core_user" u ON u."id" = t."userId" WHERE ${trainerFilter}`),
    () => db.$queryRaw<VenueRow[]>(Prisma.sql`SELECT v."id", v."name", v."type", v."capacity", v."archivedAt", v."latitude", v."longitude" FROM "mobile_venue" v WHERE ${venueFilter}`),
    () => db.$queryRaw<KitRow[]>(Prisma.sql`SELECT k."id", k."name", k."status", k."archivedAt", k."devices" FROM "mobile_kit" k WHERE ${kitFilter}`)
  );
  const trainerIds = trainers.map((t) => t.id);
  const kitIds = kits.map((k) => k.id);
  const tIn = trainerIds.length ? Prisma.join(trainerIds) : null;
  const kIn = kitIds.length ? Prisma.join(kitIds) : null;
  const bookingCols = Prisma.sql`s."id" AS "id", s."startsAt" AS "startsAt", s."endsAt" AS "endsAt", s."venueId" AS "venueId", v."name" AS "name", v."latitude" AS "latitude", v."longitude" AS "longitude"`;
  type BookingRow = { owner: string; id: string; startsAt: Date; endsAt: Date; venueId: string; name: string; latitude: number; longitude: number };
  type WindowRow = { trainerId: string; weekday: number; startMinute: number; endMinute: number };
  type AbsenceRow = { trainerId: string; id: string; startsAt: Date; endsAt: Date; reason: string };
  const [windows, absences, trainerSessions, kitSessions] = await both(
    seq,
    () => (tIn ? db.$queryRaw<WindowRow[]>(Prisma.sql`SELECT "trainerId", "weekday", "startMinute", "endMinute" FROM "mobile_availability" WHERE "trainerId" IN (${tIn})`) : Promise.resolve([])),
    () => (tIn ? db.$queryRaw<AbsenceRow[]>(Prisma.sql`SELECT "trainerId", "id", "startsAt", "endsAt", "reason" FROM "mobile_absence" WHERE "trainerId" IN (${tIn}) AND "startsAt" < ${scope.to} AND "endsAt" > ${scope.from}`) : Promise.resolve([])),
    () =>
      tIn
        ? db.$queryRaw<BookingRow[]>(Prisma.sql`SELECT st."trainerId" AS "owner", ${bookingCols} FROM "mobile_session_trainer" st JOIN "mobile_session" s ON s."id" = st."sessionId" JOIN "mobile_venue" v ON v."id" = s."venueId"
          WHERE st."trainerId" IN (${tIn}) AND s."status" <> 'cancelled' AND s."id" <> ${exclude} AND s."startsAt" < ${scope.to} AND s."endsAt" > ${scope.from}`)
        : Promise.resolve([]),
    () =>
      kIn
        ? db.$queryRaw<BookingRow[]>(Prisma.sql`SELECT s."kitId" AS "owner", ${bookingCols} FROM "mobile_session" s JOIN "mobile_venue" v ON v."id" = s."venueId"
          WHERE s."kitId" IN (${kIn}) AND s."status" <> 'cancelled' AND s."id" <> ${exclude} AND s."startsAt" < ${scope.to} AND s."endsAt" > ${scope.from}`)
        : Promise.resolve([])
  );
  const [before, after] = await both(
    seq,
    () => neighbourSessions(db, trainerIds, scope.from, 'before', scope.excludeSessionId ?? null),
    () => neighbourSessions(db, trainerIds, scope.to, 'after', scope.excludeSessionId ?? null),
    () => Promise.resolve(null),
    () => Promise.resolve(null)
  );

  const toBooking = (r: { id: string; startsAt: Date; endsAt: Date; venueId: string; name: string; latitude: number; longitude: number }): Booking => ({ id: r.id, start: new Date(r.startsAt).getTime(), end: new Date(r.endsAt).getTime(), venueId: r.venueId, venueName: r.name, latitude: Number(r.latitude), longitude: Number(r.longitude) });
  const group = <T>(rows: T[], key: (r: T) => string) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const byTrainer = new Map<string, Map<string, Booking>>();
  for (const r of [...trainerSessions.map((x) => ({ ...x, trainerId: x.owner })), ...before, ...after]) {
    let m = byTrainer.get(r.trainerId);
    if (!m) byTrainer.set(r.trainerId, (m = new Map()));
    m.set(r.id, toBooking(r));
  }
  const windowsOf = group(windows, (w) => w.trainerId);
  const absencesOf = group(absences, (a) => a.trainerId);
  const kitBookings = group(kitSessions, (b) => b.owner);

  const snapshot: Snapshot = { settings, trainers: new Map(), kits: new Map(), venues: new Map() };
  for (const t of trainers) {
    snapshot.trainers.set(t.id, {
      id: t.id,
      name: t.name,
      active: t.active,
      languages: t.languages,
      topics: t.topics,
      home: { latitude: Number(t.homeLatitude), longitude: Number(t.homeLongitude) },
      homeLabel: t.homeLabel,
      travelMode: t.travelMode as TravelMode,
      availability: (windowsOf.get(t.id) ?? []).map((w) => ({ weekday: Number(w.weekday), startMinute: Number(w.startMinute), endMinute: Number(w.endMinute) })),
      absences: (absencesOf.get(t.id) ?? []).map((a) => ({ id: a.id, start: new Date(a.startsAt).getTime(), end: new Date(a.endsAt).getTime(), reason: a.reason })),
      bookings: [...(byTrainer.get(t.id)?.values() ?? [])].sort((a, b) => a.start - b.start)
    });
  }
  for (const k of kits) snapshot.kits.set(k.id, { id: k.id, name: k.name, status: k.status, archived: !!k.archivedAt, devices: Number(k.devices), bookings: (kitBookings.get(k.id) ?? []).map(toBooking).sort((a, b) => a.start - b.start) });
  for (const v of venues) snapshot.venues.set(v.id, { id: v.id, name: v.name, type: v.type, capacity: Number(v.capacity), archived: !!v.archivedAt, latitude: Number(v.latitude), longitude: Number(v.longitude) });
  return snapshot;
}

/** The conflicts of one proposal against what is stored (no write), with the travel assumption per trainer. */
export async function checkConflicts({ db, proposal, settings, sequential = false }: { db: Tx; proposal: Proposal; settings?: TravelSettings; sequential?: boolean }): Promise<Evaluation> {
  const snapshot = await loadSnapshot(db, {
    trainerIds: proposal.trainerIds,
    kitIds: proposal.kitId ? [proposal.kitId] : [],
    venueIds: [proposal.venueId],
    from: proposal.startsAt,
    to: proposal.endsAt,
    excludeSessionId: proposal.excludeSessionId ?? null,
    sequential,
    ...(settings ? { settings } : {})
  });
  return evaluate(snapshot, proposal);
}
