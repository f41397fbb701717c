import { z } from 'zod';
import type { Db, Prisma } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { t } from '@passerelle/i18n';
import { addDays, brusselsInstant, brusselsParts } from '@passerelle/plugin-sdk/time';
import { AppError, type Actor, type OutgoingMail } from '@passerelle/trpc';
import { isCoordinator, maySeeAddress, requireActor, requireCoordinator } from './access.ts';
import { brusselsText, evaluate, loadSnapshot, type Conflict, type Proposal, type TravelAssumption } from './conflicts.ts';
import { LANGUAGES, TOPICS } from './lists.ts';
import { fillFreeSeats, lockSession, notifyPromoted } from './registrations.ts';
import { topicLabel } from './labels.ts';

// Sessions: create one or a weekly series (all or nothing), edit, cancel. Every save re-checks the rules
// inside a transaction that first takes an advisory lock per trainer and per kit involved (in a fixed
// order, so two saves never wait on each other in a circle): two coordinators booking the same trainer
// or kit at once are serialised, and the second one sees the first one's session and is refused.

type Tx = Prisma.TransactionClient;

/** A save refused because of conflicts: the explained list, by Brussels date for a series. */
export class ScheduleConflictError extends AppError {
  readonly conflicts: DatedConflict[];
  constructor(conflicts: DatedConflict[]) {
    super('CONFLICT', 'schedule conflicts', { messageKey: 'mobile_epn_sched_error_conflicts', params: { count: conflicts.length } });
    this.conflicts = conflicts;
  }
}

export interface DatedConflict extends Conflict {
  /** Brussels date of the occurrence (series) or of the session. */
  date: string;
}

const id = z.string().min(1, { message: 'mobile_epn_sched_error_id' }).max(64, { message: 'mobile_epn_sched_error_id' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'mobile_epn_sched_error_date' });
const reason = z.string().trim().min(3, { message: 'mobile_epn_sched_error_reason' }).max(500, { message: 'mobile_epn_sched_error_reason' });

const slotFields = {
  startsAt: z.coerce.date({ message: 'mobile_epn_sched_error_start' }),
  endsAt: z.coerce.date({ message: 'mobile_epn_sched_error_end' }),
  trainerIds: z.array(id).min(1, { message: 'mobile_epn_sched_error_trainers' }).max(5, { message: 'mobile_epn_sched_error_trainers' }),
  kitId: id.nullable(),
  seats: z.number({ message: 'mobile_epn_sched_error_seats' }).int({ message: 'mobile_epn_sched_error_seats' }).min(1, { message: 'mobile_epn_sched_error_seats' }).max(200, { message: 'mobile_epn_sched_error_seats' })
};
const orderedTimes = <T extends { startsAt: Date; endsAt: Date }>(v: T) => v.endsAt > v.startsAt && v.endsAt.getTime() - v.startsAt.getTime() <= 12 * 3_600_000;
const timesIssue = { message: 'mobile_epn_sched_error_end', path: ['endsAt'] };

export const ZRepeat = z.object({
  intervalWeeks: z.number({ message: 'mobile_epn_sched_error_interval' }).int({ message: 'mobile_epn_sched_error_interval' }).min(1, { message: 'mobile_epn_sched_error_interval' }).max(8, { message: 'mobile_epn_sched_error_interval' }),
  count: z.number({ message: 'mobile_epn_sched_error_count' }).int({ message: 'mobile_epn_sched_error_count' }).min(2, { message: 'mobile_epn_sched_error_count' }).max(52, { message: 'mobile_epn_sched_error_count' }),
  exceptions: z.array(day).max(52, { message: 'mobile_epn_sched_error_date' }).default([])
});

/** A proposal as typed: from a request (venue, topic, language come from it) or free. */
export const ZSessionInput = z
  .object({
    requestId: id.nullable().default(null),
    venueId: id.optional(),
    topic: z.enum(TOPICS, { message: 'mobile_epn_sched_error_topic' }).optional(),
    language: z.enum(LANGUAGES, { message: 'mobile_epn_sched_error_language' }).optional(),
    group: z.boolean().default(true),
    ...slotFields,
    repeat: ZRepeat.nullable().default(null)
  })
  .refine(orderedTimes, timesIssue)
  .refine((v) => !!v.requestId || (!!v.venueId && !!v.topic && !!v.language), { message: 'mobile_epn_sched_error_venue', path: ['venueId'] });
export type TSessionInput = z.input<typeof ZSessionInput>;

export const ZSessionUpdate = z
  .object({ id, venueId: id, ...slotFields })
  .refine(orderedTimes, timesIssue);
export type TSessionUpdate = z.input<typeof ZSessionUpdate>;

export const ZSessionCancel = z.object({ id, reason });

/** Locks every trainer's and kit's bookings for the rest of the transaction, in a fixed order. */
async function lockBookings(tx: Tx, trainerIds: string[], kitId: string | null) {
  const keys = [...new Set([...trainerIds.map((x) => `mobile-epn:trainer:${x}`), ...(kitId ? [`mobile-epn:kit:${kitId}`] : [])])].sort();
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** The occurrences of a proposal: one, or the weekly dates of a series (same Brussels wall-clock times). */
export function occurrences(startsAt: Date, endsAt: Date, repeat: { intervalWeeks: number; count: number; exceptions: string[] } | null): { day: string; startsAt: Date; endsAt: Date }[] {
  const s = brusselsParts(startsAt);
  const e = brusselsParts(endsAt);
  if (!repeat) return [{ day: s.day, startsAt, endsAt }];
  const endOffset = Math.round((Date.parse(`${e.day}T00:00:00Z`) - Date.parse(`${s.day}T00:00:00Z`)) / 86_400_000);
  const skip = new Set(repeat.exceptions);
  const out = [];
  for (let i = 0; i < repeat.count; i++) {
    const d = addDays(s.day, 7 * repeat.intervalWeeks * i);
    if (skip.has(d)) continue;
    out.push({ day: d, startsAt: brusselsInstant(d, s.minute)!, endsAt: brusselsInstant(addDays(d, endOffset), e.minute)! });
  }
  return out;
}

interface Resolved {
  requestId: string | null;
  venueId: string;
  topic: string;
  language: string;
  group: boolean;
}

async function resolveRequest(db: Db | Tx, input: z.output<typeof ZSessionInput>): Promise<Resolved> {
  if (!input.requestId) return { requestId: null, venueId: input.venueId!, topic: input.topic!, language: input.language!, group: input.group };
  const r = await db.mobileRequest.findUnique({ where: { id: input.requestId }, include: { venue: { select: { type: true } } } });
  if (!r) throw new AppError('NOT_FOUND');
  if (r.status === 'declined' || r.status === 'withdrawn') throw new AppError('CONFLICT', 'request closed', { messageKey: 'mobile_epn_sched_error_request_closed' });
  return { requestId: r.id, venueId: r.venueId, topic: r.topic, language: r.language, group: r.venue.type !== 'private_home' };
}

/** Conflicts of every occurrence (no write), with the travel assumption of the first. */
async function judge(db: Db | Tx, base: Resolved, input: { startsAt: Date; endsAt: Date; trainerIds: string[]; kitId: string | null; seats: number; repeat: { intervalWeeks: number; count: number; exceptions: string[] } | null }, excludeSessionId: string | null = null, inTransaction = false) {
  const occ = occurrences(input.startsAt, input.endsAt, input.repeat);
  if (!occ.length) throw new AppError('VALIDATION', 'no date left', { messageKey: 'mobile_epn_sched_error_no_dates', fieldErrors: { 'repeat.exceptions': 'mobile_epn_sched_error_no_dates' } });
  const snapshot = await loadSnapshot(db, { trainerIds: input.trainerIds, kitIds: input.kitId ? [input.kitId] : [], venueIds: [base.venueId], from: occ[0]!.startsAt, to: occ[occ.length - 1]!.endsAt, excludeSessionId, sequential: inTransaction });
  const results = occ.map((o) => {
    const proposal: Proposal = { startsAt: o.startsAt, endsAt: o.endsAt, trainerIds: input.trainerIds, kitId: input.kitId, venueId: base.venueId, seats: input.seats, topic: base.topic, language: base.language, excludeSessionId };
    return { ...o, ...evaluate(snapshot, proposal) };
  });
  const conflicts: DatedConflict[] = results.flatMap((r) => r.conflicts.map((c) => ({ ...c, date: r.day })));
  return { occurrences: results, conflicts };
}

/** session.check: the conflicts of a proposal, explained, without saving anything. */
export async function checkProposal({ db, actor, input }: { db: Db; actor: Actor | null; input: TSessionInput | z.output<typeof ZSessionInput> }) {
  requireCoordinator(actor);
  const parsed = ZSessionInput.parse(input);
  const base = await resolveRequest(db, parsed);
  const { occurrences: occ, conflicts } = await judge(db, base, parsed);
  return { conflicts, occurrences: occ.map((o) => ({ day: o.day, startsAt: o.startsAt, endsAt: o.endsAt, travel: o.travel })) };
}

/** session.create: one session or a whole series; refused as a whole (ScheduleConflictError) on any conflict. */
export async function createSessions({ db, actor, input }: { db: Db; actor: Actor | null; input: TSessionInput | z.output<typeof ZSessionInput> }) {
  const a = requireCoordinator(actor);
  const parsed = ZSessionInput.parse(input);
  return db.$transaction(
    async (tx) => {
      await lockBookings(tx, parsed.trainerIds, parsed.kitId);
      const base = await resolveRequest(tx, parsed);
      const { occurrences: occ, conflicts } = await judge(tx, base, parsed, null, true);
      if (conflicts.length) throw new ScheduleConflictError(conflicts);
      const series = parsed.repeat ? await tx.mobileSeries.create({ data: { requestId: base.requestId, intervalWeeks: parsed.repeat.intervalWeeks, count: parsed.repeat.count, exceptions: parsed.repeat.exceptions } }) : null;
      const ids: string[] = [];
      for (const o of occ) {
        const s = await tx.mobileSession.create({
          data: {
            requestId: base.requestId,
            seriesId: series?.id ?? null,
            venueId: base.venueId,
            kitId: parsed.kitId,
            startsAt: o.startsAt,
            endsAt: o.endsAt,
            seats: parsed.seats,
            topic: base.topic,
            language: base.language,
            group: base.group,
            createdById: a.id,
            trainers: { create: parsed.trainerIds.map((trainerId) => ({ trainerId, travel: (o.travel[trainerId] ?? null) as unknown as Prisma.InputJsonValue })) }
          },
          select: { id: true }
        });
        ids.push(s.id);
      }
      if (base.requestId) await tx.mobileRequest.update({ where: { id: base.requestId }, data: { status: 'scheduled' } });
      await audit({ db: tx, actorId: a.id, action: 'mobile-epn.session.create', targetType: series ? 'mobile_series' : 'mobile_session', targetId: series?.id ?? ids[0]!, data: { sessionIds: ids, requestId: base.requestId, trainerIds: parsed.trainerIds, kitId: parsed.kitId, dates: occ.map((o) => o.day) } });
      return { sessionIds: ids, seriesId: series?.id ?? null };
    },
    { timeout: 20_000, maxWait: 20_000 }
  );
}

/** session.update: new time, trainers, kit, seats or venue; re-checked (the session itself excluded); sequence + 1. */
export async function updateSession({ db, actor, input, sendMail, origin, now = new Date() }: { db: Db; actor: Actor | null; input: TSessionUpdate; sendMail?: (m: OutgoingMail) => Promise<void>; origin?: string; now?: Date }) {
  const a = requireCoordinator(actor);
  const p = ZSessionUpdate.parse(input);
  const result = await db.$transaction(
    async (tx) => {
      await lockBookings(tx, p.trainerIds, p.kitId);
      // Seats change under the session's registration lock: never fewer seats than people registered;
      // more seats go to the waiting list at once.
      await lockSession(tx, p.id);
      const before = await tx.mobileSession.findUnique({ where: { id: p.id }, include: { trainers: { select: { trainerId: true } } } });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.status === 'cancelled') throw new AppError('CONFLICT', 'cancelled', { messageKey: 'mobile_epn_sched_error_cancelled' });
      const registered = await tx.mobileRegistration.count({ where: { sessionId: p.id, status: 'registered' } });
      if (p.seats < registered) throw new AppError('VALIDATION', 'fewer seats than registrations', { messageKey: 'mobile_epn_sched_error_seats_below_registered', fieldErrors: { seats: 'mobile_epn_sched_error_seats_below_registered' } });
      const base: Resolved = { requestId: before.requestId, venueId: p.venueId, topic: before.topic, language: before.language, group: before.group };
      const { occurrences: occ, conflicts } = await judge(tx, base, { ...p, repeat: null }, p.id, true);
      if (conflicts.length) throw new ScheduleConflictError(conflicts);
      const travel = occ[0]!.travel;
      await tx.mobileSessionTrainer.deleteMany({ where: { sessionId: p.id } });
      await tx.mobileSession.update({
        where: { id: p.id },
        data: { startsAt: p.startsAt, endsAt: p.endsAt, venueId: p.venueId, kitId: p.kitId, seats: p.seats, sequence: { increment: 1 }, trainers: { create: p.trainerIds.map((trainerId) => ({ trainerId, travel: (travel[trainerId] ?? null) as unknown as Prisma.InputJsonValue })) } }
      });
      await audit({
        db: tx,
        actorId: a.id,
        action: 'mobile-epn.session.update',
        targetType: 'mobile_session',
        targetId: p.id,
        data: {
          from: { startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString(), venueId: before.venueId, kitId: before.kitId, seats: before.seats, trainerIds: before.trainers.map((x) => x.trainerId) },
          to: { startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString(), venueId: p.venueId, kitId: p.kitId, seats: p.seats, trainerIds: p.trainerIds }
        }
      });
      const promoted = before.group && p.seats > before.seats ? await fillFreeSeats(tx, p.id, p.seats, now) : [];
      return { id: p.id, promoted };
    },
    { timeout: 20_000, maxWait: 20_000 }
  );
  const promoted = sendMail && origin ? await notifyPromoted({ db, promoted: result.promoted, sendMail, origin }) : [];
  return { id: result.id, promoted };
}

const communeName = (c: { nameFr: string; nameNl: string; nameEn: string }, locale: string) => (locale === 'nl' ? c.nameNl : locale === 'en' ? c.nameEn : c.nameFr);

export interface Recipient {
  email: string;
  locale: string;
  /** May this person read the street address (assigned trainer, the venue's contact)? */
  address: boolean;
}

/** Everyone a change of this session concerns: its trainers, the venue contact, registered and waiting people (or their contact). */
export async function affectedPeople(db: Db | Tx, sessionId: string): Promise<Recipient[]> {
  const s = await db.mobileSession.findUnique({
    where: { id: sessionId },
    include: {
      venue: { include: { contactUser: { select: { id: true, email: true, locale: true, disabledAt: true } } } },
      trainers: { include: { trainer: { include: { user: { select: { id: true, email: true, locale: true, disabledAt: true } } } } } },
      registrations: { where: { status: { in: ['registered', 'waiting'] } }, select: { userId: true, registeredById: true } }
    }
  });
  if (!s) return [];
  const trainerUserIds = s.trainers.map((x) => x.trainer.userId);
  const out = new Map<string, Recipient>();
  const put = (email: string, locale: string, address: boolean) => {
    const key = email.trim().toLowerCase();
    if (!key) return;
    const had = out.get(key);
    out.set(key, { email: had?.email ?? email.trim(), locale: had?.locale ?? locale, address: (had?.address ?? false) || address });
  };
  for (const x of s.trainers) if (!x.trainer.user.disabledAt) put(x.trainer.user.email, x.trainer.user.locale, true);
  if (s.venue.contactUser && !s.venue.contactUser.disabledAt) put(s.venue.contactUser.email, s.venue.contactUser.locale, true);
  else if (s.venue.contactEmail) put(s.venue.contactEmail, 'fr', true);
  const userIds = [...new Set(s.registrations.map((r) => r.userId ?? r.registeredById).filter((x): x is string => !!x))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: { id: true, email: true, locale: true } }) : [];
  for (const u of users) put(u.email, u.locale, maySeeAddress({ id: u.id, roles: [], memberships: [], email: u.email, displayName: '', locale: u.locale }, s.venue, trainerUserIds));
  return [...out.values()];
}

/** session.cancel: status cancelled with the reason, sequence + 1, audited; then everyone affected is told, in their language. */
export async function cancelSession({ db, actor, input, sendMail, origin }: { db: Db; actor: Actor | null; input: z.input<typeof ZSessionCancel>; sendMail: (m: OutgoingMail) => Promise<void>; origin: string }) {
  const a = requireCoordinator(actor);
  const p = ZSessionCancel.parse(input);
  const s = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "mobile_session" WHERE "id" = ${p.id} FOR UPDATE`;
    const s = await tx.mobileSession.findUnique({ where: { id: p.id }, include: { venue: { include: { commune: true } } } });
    if (!s) throw new AppError('NOT_FOUND');
    if (s.status === 'cancelled') throw new AppError('CONFLICT', 'already cancelled', { messageKey: 'mobile_epn_sched_error_cancelled' });
    await tx.mobileSession.update({ where: { id: p.id }, data: { status: 'cancelled', cancelReason: p.reason, cancelledAt: new Date(), sequence: { increment: 1 } } });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.session.cancel', targetType: 'mobile_session', targetId: p.id, data: { reason: p.reason, startsAt: s.startsAt.toISOString() } });
    return s;
  });
  const recipients = await affectedPeople(db, p.id);
  let sent = 0;
  let failed = 0;
  for (const r of recipients) {
    const locale = ['fr', 'nl', 'en'].includes(r.locale) ? r.locale : 'fr';
    const commune = communeName(s.venue.commune, locale);
    const where = r.address || s.venue.type !== 'private_home' ? `${s.venue.name}, ${s.venue.street}, ${s.venue.postcode} ${commune}` : commune;
    const params = { topic: topicLabel(s.topic, locale), when: `${brusselsText(s.startsAt)}–${brusselsText(s.endsAt).slice(11)}`, where, reason: p.reason };
    try {
      await sendMail({ to: r.email, subject: t('mobile_epn_sched_mail_cancel_subject', params, { locale }), text: t('mobile_epn_sched_mail_cancel_text', params, { locale }) });
      sent++;
    } catch {
      failed++;
    }
  }
  return { id: p.id, notified: sent, failed };
}


/** session.get: coordinators, and a trainer assigned to it (who sees the address). */
export async function getSession({ db, actor, id: sessionId }: { db: Db; actor: Actor | null; id: string }) {
  const a = requireActor(actor);
  const s = await db.mobileSession.findUnique({
    where: { id: sessionId },
    include: {
      venue: { include: { commune: true } },
      kit: { select: { id: true, name: true, contents: true, devices: true, status: true } },
      request: { select: { id: true, participants: true, accessibilityNeeds: true, status: true } },
      trainers: { include: { trainer: { include: { user: { select: { id: true, displayName: true, email: true } } } } } },
      _count: { select: { registrations: { where: { status: 'registered' } } } }
    }
  });
  if (!s) throw new AppError('NOT_FOUND');
  const trainerUserIds = s.trainers.map((x) => x.trainer.userId);
  const assigned = s.trainers.find((x) => x.trainer.userId === a.id);
  if (!isCoordinator(a)) {
    // A trainer: only their own session, as a member of their trainer profile's organisation.
    if (!assigned || !assigned.trainer.active || !a.memberships.some((m) => m.organisationId === assigned.trainer.organisationId)) throw new AppError('FORBIDDEN');
  }
  const address = maySeeAddress(a, s.venue, trainerUserIds);
  return {
    id: s.id,
    status: s.status,
    cancelReason: s.cancelReason,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    seats: s.seats,
    registered: s._count.registrations,
    topic: s.topic,
    language: s.language,
    group: s.group,
    sequence: s.sequence,
    seriesId: s.seriesId,
    request: s.request,
    kit: s.kit,
    venue: {
      id: s.venue.id,
      type: s.venue.type,
      name: s.venue.name,
      commune: { nis: s.venue.commune.nis, nameFr: s.venue.commune.nameFr, nameNl: s.venue.commune.nameNl, nameEn: s.venue.commune.nameEn },
      capacity: s.venue.capacity,
      ...(address ? { street: s.venue.street, postcode: s.venue.postcode, accessNotes: s.venue.accessNotes, contactName: s.venue.contactName, contactPhone: s.venue.contactPhone, latitude: s.venue.latitude, longitude: s.venue.longitude } : { street: null, postcode: null, accessNotes: null, contactName: null, contactPhone: null, latitude: null, longitude: null })
    },
    trainers: s.trainers.map((x) => ({ id: x.trainerId, name: x.trainer.user.displayName, travel: x.travel as unknown as TravelAssumption | null }))
  };
}

export const ZSessionList = z.object({
  from: z.coerce.date({ message: 'mobile_epn_sched_error_start' }),
  to: z.coerce.date({ message: 'mobile_epn_sched_error_end' }),
  venueId: id.optional(),
  trainerId: id.optional(),
  kitId: id.optional(),
  includeCancelled: z.boolean().default(false)
}).refine((v) => v.to > v.from && v.to.getTime() - v.from.getTime() <= 400 * 86_400_000, { message: 'mobile_epn_sched_error_range', path: ['to'] });

/** session.list: coordinators, by date range and optionally venue, trainer or kit. */
export async function listSessions({ db, actor, input }: { db: Db; actor: Actor | null; input: z.input<typeof ZSessionList> }) {
  requireCoordinator(actor);
  const p = ZSessionList.parse(input);
  const rows = await db.mobileSession.findMany({
    where: {
      startsAt: { lt: p.to },
      endsAt: { gt: p.from },
      ...(p.includeCancelled ? {} : { status: { not: 'cancelled' } }),
      ...(p.venueId ? { venueId: p.venueId } : {}),
      ...(p.kitId ? { kitId: p.kitId } : {}),
      ...(p.trainerId ? { trainers: { some: { trainerId: p.trainerId } } } : {})
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 1000,
    include: { venue: { select: { id: true, name: true, type: true, communeNis: true } }, kit: { select: { id: true, name: true } }, trainers: { select: { trainerId: true, trainer: { select: { user: { select: { displayName: true } } } } } } }
  });
  return rows.map((s) => ({ id: s.id, status: s.status, startsAt: s.startsAt, endsAt: s.endsAt, seats: s.seats, topic: s.topic, language: s.language, venue: s.venue, kit: s.kit, trainers: s.trainers.map((x) => ({ id: x.trainerId, name: x.trainer.user.displayName })) }));
}

/** What the scheduling forms offer: the request (if any), the active trainers and the usable kits. */
export async function planningOptions({ db, actor, requestId }: { db: Db; actor: Actor | null; requestId?: string | null | undefined }) {
  requireCoordinator(actor);
  const request = requestId
    ? await db.mobileRequest.findUnique({ where: { id: requestId }, include: { venue: { include: { commune: true } }, sessions: { where: { status: { not: 'cancelled' } }, orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true, endsAt: true } } } })
    : null;
  if (requestId && !request) throw new AppError('NOT_FOUND');
  const [trainers, kits, openRequests] = await Promise.all([
    db.mobileTrainer.findMany({ where: { active: true }, select: { id: true, topics: true, languages: true, travelMode: true, homeLabel: true, user: { select: { displayName: true } } } }),
    db.mobileKit.findMany({ where: { archivedAt: null }, select: { id: true, name: true, devices: true, status: true }, orderBy: { name: 'asc' } }),
    // Requests waiting or being planned (oldest first), for the scheduling pages' links.
    db.mobileRequest.findMany({ where: { status: { in: ['new', 'scheduled'] } }, orderBy: { createdAt: 'asc' }, take: 100, select: { id: true, status: true, createdAt: true, topic: true, venue: { select: { name: true } } } })
  ]);
  const windows = request && Array.isArray(request.windows) ? (request.windows as { from?: string; to?: string }[]).filter((w) => typeof w?.from === 'string' && typeof w?.to === 'string').map((w) => ({ from: new Date(w.from!), to: new Date(w.to!) })) : [];
  return {
    request: request
      ? {
          id: request.id,
          status: request.status,
          topic: request.topic,
          language: request.language,
          participants: request.participants,
          durationMinutes: request.durationMinutes,
          needsKit: request.needsKit,
          accessibilityNeeds: request.accessibilityNeeds,
          note: request.note,
          windows,
          sessions: request.sessions,
          venue: { id: request.venue.id, type: request.venue.type, name: request.venue.name, street: request.venue.street, postcode: request.venue.postcode, commune: request.venue.commune, capacity: request.venue.capacity, accessNotes: request.venue.accessNotes, contactName: request.venue.contactName, contactPhone: request.venue.contactPhone }
        }
      : null,
    trainers: trainers.map((t) => ({ id: t.id, name: t.user.displayName, topics: t.topics, languages: t.languages, travelMode: t.travelMode, homeLabel: t.homeLabel })).sort((a, b) => a.name.localeCompare(b.name)),
    kits,
    openRequests: openRequests.map((r) => ({ id: r.id, status: r.status, createdAt: r.createdAt, topic: r.topic, venueName: r.venue.name }))
  };
}
