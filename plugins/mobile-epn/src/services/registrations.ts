import { z } from 'zod';
import type { Db } from '@passerelle/db';
import { communeName } from '@passerelle/db/communes';
import { audit } from '@passerelle/auth';
import { t } from '@passerelle/i18n';
import { AppError, type Actor, type OutgoingMail } from '@passerelle/trpc';
import { isCoordinator, maySeeAddress, requireActor } from './access.ts';
import { validate } from './validate.ts';
import { AGE_BANDS, GENDERS } from './lists.ts';

// Registrations for group sessions, with a waiting list. Every change of a session's seats happens in
// one transaction that first takes a lock keyed by the session: count, then insert (or promote). So 50
// people registering at once for 10 seats give exactly 10 seats and 40 places on the waiting list, in
// the order they got the lock, and each cancelled seat goes to exactly one waiting person.

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Serialises every seat change of one session (PostgreSQL advisory lock, released at commit or rollback). */
export async function lockSession(tx: Tx, sessionId: string): Promise<void> {
  // $executeRaw: the function returns void, which the driver adapters cannot read back as a value.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mobile-epn:session:${sessionId}`}))`;
}

// Up to 50 people may wait for the same lock: give them time (each holder keeps it a few milliseconds).
const TX = { maxWait: 20_000, timeout: 20_000 } as const;

const reqText = (key: string, max: number) => z.string({ message: key }).trim().min(1, { message: key }).max(max, { message: key });

/** A resident registered by their venue's contact: a name (or initials), optionally age band and gender. */
export const ZResident = z.object({
  name: reqText('mobile_epn_reg_error_name', 80),
  ageBand: z.enum(AGE_BANDS, { message: 'mobile_epn_reg_error_age_band' }).nullable().default(null),
  gender: z.enum(GENDERS, { message: 'mobile_epn_reg_error_gender' }).nullable().default(null)
});
export type TResident = z.input<typeof ZResident>;
/** As typed in a form: checked by ZResident. */
export type LooseResident = { name: string; ageBand?: string | null; gender?: string | null };

const sessionInclude = { venue: true, trainers: { include: { trainer: { select: { userId: true, organisationId: true } } } } } as const;
type LoadedSession = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

async function loadSession(db: Db | Tx, sessionId: string) {
  return db.mobileSession.findUnique({ where: { id: sessionId }, include: sessionInclude });
}

async function requireSession(db: Db | Tx, sessionId: string): Promise<LoadedSession> {
  const s = await loadSession(db, sessionId);
  if (!s) throw new AppError('NOT_FOUND', 'no such session', { messageKey: 'mobile_epn_reg_error_no_session' });
  return s;
}

const trainerUserIds = (s: LoadedSession) => s.trainers.map((x) => x.trainer.userId);
const isContact = (actor: Actor | null, s: LoadedSession) => !!actor && s.venue.contactUserId === actor.id;

/** The venue's contact or a coordinator: they register residents and see the lists. */
function requireContactOrCoordinator(actor: Actor | null, s: LoadedSession): Actor {
  const a = requireActor(actor);
  if (!isContact(a, s) && !isCoordinator(a)) throw new AppError('FORBIDDEN', 'not the contact of this venue');
  return a;
}

/** Open for registrations: a scheduled group session that has not started. */
function requireOpen(s: { group: boolean; status: string; startsAt: Date }, now: Date) {
  if (!s.group) throw new AppError('CONFLICT', 'not a group session', { messageKey: 'mobile_epn_reg_error_not_group' });
  if (s.status !== 'scheduled') throw new AppError('CONFLICT', 'session cancelled', { messageKey: 'mobile_epn_reg_error_cancelled' });
  if (s.startsAt.getTime() <= now.getTime()) throw new AppError('CONFLICT', 'session started', { messageKey: 'mobile_epn_reg_error_past' });
}

export interface PublicSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  topic: string;
  language: string;
  status: string;
  group: boolean;
  communeNis: string;
  commune: string;
  /** The venue's type always; its name and street only where the address may be shown. */
  venue: { type: string; name: string | null; street: string | null; postcode: string | null };
  seats: number;
  seatsTaken: number;
  seatsLeft: number;
  waiting: number;
}

function publicSession(s: LoadedSession, counts: { registered: number; waiting: number }, locale: string, showAddress: boolean): PublicSession {
  return {
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    topic: s.topic,
    language: s.language,
    status: s.status,
    group: s.group,
    communeNis: s.venue.communeNis,
    commune: communeName(s.venue.communeNis, locale) ?? s.venue.communeNis,
    venue: { type: s.venue.type, name: showAddress ? s.venue.name : null, street: showAddress ? s.venue.street : null, postcode: showAddress ? s.venue.postcode : null },
    seats: s.seats,
    seatsTaken: counts.registered,
    seatsLeft: Math.max(0, s.seats - counts.registered),
    waiting: counts.waiting
  };
}

async function countsFor(db: Db, sessionIds: string[]) {
  const rows = sessionIds.length ? await db.mobileRegistration.groupBy({ by: ['sessionId', 'status'], where: { sessionId: { in: sessionIds }, status: { in: ['registered', 'waiting'] } }, _count: { _all: true } }) : [];
  const out = new Map<string, { registered: number; waiting: number }>();
  for (const id of sessionIds) out.set(id, { registered: 0, waiting: 0 });
  for (const r of rows) {
    const c = out.get(r.sessionId)!;
    if (r.status === 'registered') c.registered = r._count._all;
    else c.waiting = r._count._all;
  }
  return out;
}

/**
 * The public list of upcoming group workshops: what, when, commune, seats left. A private home shows
 * only its commune; other venues their name and street too (anyone may go there).
 */
export async function upcomingSessions({ db, locale, now = new Date(), limit = 100 }: { db: Db; locale: string; now?: Date; limit?: number }): Promise<PublicSession[]> {
  const sessions = await db.mobileSession.findMany({
    where: { group: true, status: 'scheduled', startsAt: { gt: now }, venue: { archivedAt: null } },
    include: sessionInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: limit
  });
  const counts = await countsFor(db, sessions.map((s) => s.id));
  // Public: nobody's extra rights count here, so a private home never shows its address.
  return sessions.map((s) => publicSession(s, counts.get(s.id)!, locale, s.venue.type !== 'private_home'));
}

export interface MyRegistration {
  id: string;
  status: string;
  /** 1 = next to get a seat (waiting list only). */
  position: number | null;
  promotedAt: Date | null;
}

/** Waiting-list positions (1-based) of the given waiting registrations. */
async function positions(db: Db, regs: { id: string; sessionId: string; status: string; queuedAt: Date }[]) {
  const out = new Map<string, number>();
  for (const r of regs.filter((x) => x.status === 'waiting')) {
    const ahead = await db.mobileRegistration.count({ where: { sessionId: r.sessionId, status: 'waiting', OR: [{ queuedAt: { lt: r.queuedAt } }, { queuedAt: r.queuedAt, id: { lt: r.id } }] } });
    out.set(r.id, ahead + 1);
  }
  return out;
}

/**
 * One session for its public page: public facts, the visitor's own registration, and whether they may
 * register themselves. The address of a private home only for those who may see it.
 */
export async function sessionPage({ db, actor, sessionId, locale, now = new Date() }: { db: Db; actor: Actor | null; sessionId: string; locale: string; now?: Date }) {
  const s = await requireSession(db, sessionId);
  const mayManage = isContact(actor, s) || isCoordinator(actor);
  if (!s.group && !mayManage && !trainerUserIds(s).includes(actor?.id ?? '')) throw new AppError('NOT_FOUND', 'not a public session', { messageKey: 'mobile_epn_reg_error_no_session' });
  const counts = (await countsFor(db, [s.id])).get(s.id)!;
  const showAddress = s.venue.type !== 'private_home' || maySeeAddress(actor, s.venue, trainerUserIds(s));
  const mine = actor ? await db.mobileRegistration.findFirst({ where: { sessionId: s.id, userId: actor.id, status: { in: ['registered', 'waiting'] } }, orderBy: { queuedAt: 'asc' } }) : null;
  const pos = mine ? await positions(db, [mine]) : new Map<string, number>();
  let open = true;
  try {
    requireOpen(s, now);
  } catch {
    open = false;
  }
  return {
    session: publicSession(s, counts, locale, showAddress),
    open,
    /** A citizen may register themself for a group session that is not at someone's home. */
    selfRegistration: s.venue.type !== 'private_home',
    mayManage,
    mine: mine ? ({ id: mine.id, status: mine.status, position: pos.get(mine.id) ?? null, promotedAt: mine.promotedAt } satisfies MyRegistration) : null
  };
}

/** Takes a seat, or a place on the waiting list when every seat is taken. Inside the session's lock. */
async function place({ db, sessionId, now, data, check }: { db: Db; sessionId: string; now: Date; data: { userId: string | null; name: string; ageBand: string | null; gender: string | null; registeredById: string }; check?: (tx: Tx, s: LoadedSession) => Promise<void> }) {
  return db.$transaction(async (tx) => {
    await lockSession(tx, sessionId);
    // Read again under the lock: a cancellation of the session, or the last seat, may have just happened.
    const s = await requireSession(tx, sessionId);
    requireOpen(s, now);
    if (check) await check(tx, s);
    const registered = await tx.mobileRegistration.count({ where: { sessionId, status: 'registered' } });
    // Queue order = lock order: strictly after the last one queued, even within the same millisecond.
    const last = await tx.mobileRegistration.findFirst({ where: { sessionId }, orderBy: { queuedAt: 'desc' }, select: { queuedAt: true } });
    const clock = new Date();
    const queuedAt = last && last.queuedAt.getTime() >= clock.getTime() ? new Date(last.queuedAt.getTime() + 1) : clock;
    const status = registered < s.seats ? 'registered' : 'waiting';
    const row = await tx.mobileRegistration.create({ data: { sessionId, ...data, status, queuedAt } });
    return { row, session: s };
  }, TX);
}

/** A venue contact (or a coordinator) registers a resident without an account. */
export async function registerResident({ db, actor, sessionId, resident, now = new Date() }: { db: Db; actor: Actor | null; sessionId: string; resident: TResident | LooseResident; now?: Date }) {
  const s = await requireSession(db, sessionId);
  const a = requireContactOrCoordinator(actor, s);
  const r = validate(ZResident, resident);
  const { row } = await place({ db, sessionId, now, data: { userId: null, name: r.name, ageBand: r.ageBand, gender: r.gender, registeredById: a.id } });
  if (!isContact(a, s)) await audit({ db, actorId: a.id, action: 'mobile-epn.registration.create', targetType: 'mobile-epn.registration', targetId: row.id, data: { sessionId, status: row.status } });
  const pos = await positions(db, [row]);
  return { id: row.id, status: row.status as 'registered' | 'waiting', position: pos.get(row.id) ?? null };
}

/** A signed-in citizen registers themself for a public group session (never one at someone's home). */
export async function registerSelf({ db, actor, sessionId, now = new Date() }: { db: Db; actor: Actor | null; sessionId: string; now?: Date }) {
  const a = requireActor(actor);
  const s = await requireSession(db, sessionId);
  requireOpen(s, now);
  if (s.venue.type === 'private_home') throw new AppError('FORBIDDEN', 'a home visit is not open to others', { messageKey: 'mobile_epn_reg_error_private' });
  const { row } = await place({
    db,
    sessionId,
    now,
    data: { userId: a.id, name: a.displayName, ageBand: null, gender: null, registeredById: a.id },
    check: async (tx) => {
      const already = await tx.mobileRegistration.count({ where: { sessionId, userId: a.id, status: { in: ['registered', 'waiting'] } } });
      if (already) throw new AppError('CONFLICT', 'already registered', { messageKey: 'mobile_epn_reg_error_already' });
    }
  });
  const pos = await positions(db, [row]);
  return { id: row.id, status: row.status as 'registered' | 'waiting', position: pos.get(row.id) ?? null };
}

/**
 * Gives the free seats of a session to the first people waiting, in queue order (call under
 * lockSession). Returns who was promoted; notify them after the commit (notifyPromoted).
 */
export async function fillFreeSeats(tx: Tx, sessionId: string, seats: number, now: Date): Promise<{ id: string }[]> {
  const registered = await tx.mobileRegistration.count({ where: { sessionId, status: 'registered' } });
  const free = seats - registered;
  if (free <= 0) return [];
  const next = await tx.mobileRegistration.findMany({ where: { sessionId, status: 'waiting' }, orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }], take: free, select: { id: true } });
  for (const n of next) await tx.mobileRegistration.update({ where: { id: n.id }, data: { status: 'registered', promotedAt: now } });
  return next;
}

/** Emails each promoted person (or the contact who registered them); returns their names. */
export async function notifyPromoted({ db, promoted, sendMail, origin }: { db: Db; promoted: { id: string }[]; sendMail: (m: OutgoingMail) => Promise<void>; origin: string }): Promise<Promotion[]> {
  const notices: Promotion[] = [];
  for (const p of promoted) {
    await notifyPromotion({ db, registrationId: p.id, sendMail, origin });
    const row = await db.mobileRegistration.findUniqueOrThrow({ where: { id: p.id }, select: { name: true } });
    notices.push({ id: p.id, name: row.name });
  }
  return notices;
}

export interface Promotion {
  id: string;
  name: string;
}

/**
 * Cancels a registration: by the person themself, the venue's contact or a coordinator. A freed seat
 * goes at once to the first person on the waiting list, who is told by email (or, for a resident
 * without an account, the contact who registered them), in their language.
 */
export async function cancelRegistration({ db, actor, registrationId, sendMail, origin, now = new Date() }: { db: Db; actor: Actor | null; registrationId: string; sendMail: (m: OutgoingMail) => Promise<void>; origin: string; now?: Date }) {
  const a = requireActor(actor);
  const reg = await db.mobileRegistration.findUnique({ where: { id: registrationId }, select: { sessionId: true, userId: true } });
  if (!reg) throw new AppError('NOT_FOUND', 'no such registration', { messageKey: 'mobile_epn_reg_error_no_registration' });
  const s0 = await requireSession(db, reg.sessionId);
  const own = reg.userId === a.id;
  if (!own && !isContact(a, s0) && !isCoordinator(a)) throw new AppError('FORBIDDEN', 'not yours to cancel');

  const { promoted, was } = await db.$transaction(async (tx) => {
    await lockSession(tx, reg.sessionId);
    const s = await requireSession(tx, reg.sessionId);
    if (s.startsAt.getTime() <= now.getTime()) throw new AppError('CONFLICT', 'session started', { messageKey: 'mobile_epn_reg_error_past' });
    const current = await tx.mobileRegistration.findUniqueOrThrow({ where: { id: registrationId } });
    // Cancelled twice (two clicks, two people): the second changes nothing.
    if (current.status === 'cancelled') return { promoted: [] as { id: string }[], was: 'cancelled' };
    await tx.mobileRegistration.update({ where: { id: registrationId }, data: { status: 'cancelled', cancelledAt: now } });
    const promoted = s.status === 'scheduled' && s.group ? await fillFreeSeats(tx, s.id, s.seats, now) : [];
    if (!own) await audit({ db: tx, actorId: a.id, action: 'mobile-epn.registration.cancel', targetType: 'mobile-epn.registration', targetId: registrationId, data: { sessionId: s.id, was: current.status, promoted: promoted.map((p) => p.id) } });
    return { promoted, was: current.status };
  }, TX);

  const notices = await notifyPromoted({ db, promoted, sendMail, origin });
  return { cancelled: was !== 'cancelled', was, promoted: notices };
}

const LOCALES = ['fr', 'nl', 'en'];
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : `${locale}-BE`);

/** "mardi 1 décembre 2026 à 14:00" in the reader's language, Brussels time. */
export function formatWhen(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'Europe/Brussels', dateStyle: 'full', timeStyle: 'short' }).format(date);
}

/**
 * Tells the promoted person (or the contact who registered them, when they have no account) that they
 * now have a seat. Email trouble never undoes the promotion: it is logged, not thrown.
 */
async function notifyPromotion({ db, registrationId, sendMail, origin }: { db: Db; registrationId: string; sendMail: (m: OutgoingMail) => Promise<void>; origin: string }) {
  const r = await db.mobileRegistration.findUniqueOrThrow({ where: { id: registrationId }, include: { user: true, session: { include: { venue: true } } } });
  const contact = !r.user && r.registeredById ? await db.user.findUnique({ where: { id: r.registeredById } }) : null;
  const to = r.user ?? contact;
  if (!to || to.disabledAt) return;
  const locale = LOCALES.includes(to.locale) ? to.locale : 'fr';
  const s = r.session;
  const path = r.user ? `/mobile/sessions/${s.id}` : `/mobile/venue/sessions/${s.id}`;
  const params = {
    name: r.name,
    topic: t(`mobile_epn_topic_${s.topic}`, undefined, { locale }),
    when: formatWhen(s.startsAt, locale),
    commune: communeName(s.venue.communeNis, locale) ?? s.venue.communeNis,
    link: `${origin}/${locale}${path}`
  };
  try {
    await sendMail({ to: to.email, subject: t('mobile_epn_reg_mail_promoted_subject', params, { locale }), text: t(r.user ? 'mobile_epn_reg_mail_promoted_self' : 'mobile_epn_reg_mail_promoted_contact', params, { locale }) });
  } catch (e) {
    console.warn(`[mobile-epn] promotion email for registration ${registrationId} failed: ${(e as Error).message}`);
  }
}

export interface ListedRegistration {
  id: string;
  name: string;
  ageBand: string | null;
  gender: string | null;
  status: string;
  queuedAt: Date;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  attended: boolean | null;
  /** Registered themself (has an account). */
  self: boolean;
}

/**
 * The registrations of a session, for the venue's contact, its assigned trainers and coordinators:
 * seats in queue order, then the waiting list in order, then cancellations.
 */
export async function sessionRegistrations({ db, actor, sessionId, locale }: { db: Db; actor: Actor | null; sessionId: string; locale: string }) {
  const a = requireActor(actor);
  const s = await requireSession(db, sessionId);
  const trainers = trainerUserIds(s);
  if (!isContact(a, s) && !isCoordinator(a) && !trainers.includes(a.id)) throw new AppError('FORBIDDEN', 'not the contact, a trainer of this session or a coordinator');
  const rows = await db.mobileRegistration.findMany({ where: { sessionId }, orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }] });
  const list = (status: string): ListedRegistration[] =>
    rows
      .filter((r) => r.status === status)
      .map((r) => ({ id: r.id, name: r.name, ageBand: r.ageBand, gender: r.gender, status: r.status, queuedAt: r.queuedAt, promotedAt: r.promotedAt, cancelledAt: r.cancelledAt, attended: r.attended, self: r.userId !== null }));
  const registered = list('registered');
  const waiting = list('waiting');
  const showAddress = maySeeAddress(a, s.venue, trainers);
  return {
    session: publicSession(s, { registered: registered.length, waiting: waiting.length }, locale, showAddress),
    venueName: showAddress ? s.venue.name : null,
    mayRegister: isContact(a, s) || isCoordinator(a),
    registered,
    waiting,
    cancelled: list('cancelled').sort((x, y) => (y.cancelledAt?.getTime() ?? 0) - (x.cancelledAt?.getTime() ?? 0))
  };
}

/** The signed-in person's own registrations (upcoming first, then the last few past ones). */
export async function myRegistrations({ db, actor, locale, now = new Date() }: { db: Db; actor: Actor | null; locale: string; now?: Date }) {
  const a = requireActor(actor);
  const rows = await db.mobileRegistration.findMany({
    where: { userId: a.id, status: { in: ['registered', 'waiting'] }, session: { endsAt: { gt: new Date(now.getTime() - 30 * 86_400_000) } } },
    include: { session: { include: sessionInclude } },
    orderBy: { session: { startsAt: 'asc' } },
    take: 50
  });
  const counts = await countsFor(db, [...new Set(rows.map((r) => r.sessionId))]);
  const pos = await positions(db, rows);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    position: pos.get(r.id) ?? null,
    promotedAt: r.promotedAt,
    session: publicSession(r.session, counts.get(r.sessionId)!, locale, maySeeAddress(a, r.session.venue, trainerUserIds(r.session)))
  }));
}

/** Sessions at the venues the person is the contact of (a coordinator sees every venue's). */
export async function contactSessions({ db, actor, locale, now = new Date() }: { db: Db; actor: Actor | null; locale: string; now?: Date }) {
  const a = requireActor(actor);
  const venues = await db.mobileVenue.findMany({ where: { contactUserId: a.id, archivedAt: null }, select: { id: true, name: true, type: true, communeNis: true }, orderBy: { name: 'asc' } });
  const sessions = await db.mobileSession.findMany({
    where: { venueId: { in: venues.map((v) => v.id) }, endsAt: { gt: new Date(now.getTime() - 14 * 86_400_000) } },
    include: sessionInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 200
  });
  const counts = await countsFor(db, sessions.map((s) => s.id));
  return {
    venues: venues.map((v) => ({ id: v.id, name: v.name, type: v.type, commune: communeName(v.communeNis, locale) ?? v.communeNis })),
    sessions: sessions.map((s) => ({ ...publicSession(s, counts.get(s.id)!, locale, true), venueId: s.venueId, past: s.startsAt.getTime() <= now.getTime() }))
  };
}
