import { z } from 'zod';
import type { Db, Prisma } from '@passerelle/db';
import { audit, defineLimiter } from '@passerelle/auth';
import { localizeHref, t } from '@passerelle/i18n';
import { fromBrusselsLocal, startOfBrusselsDay, toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { AppError, type Actor, type OutgoingMail } from '@passerelle/trpc';
import { isCoordinator, requireCoordinator } from './access.ts';
import { LANGUAGES, REQUEST_STATUSES, TOPICS, VENUE_TYPES } from './lists.ts';
import { ZCommune, ZId, ZLatitude, ZLongitude, ZPhone, ZPostcode, commune, communePoint, postcodeInCommune, required, text } from './directory-input.ts';
import { venueView } from './venues.ts';

// Requests for a workshop. A venue contact asks for one of their venues (or describes a new one, which
// becomes theirs); a citizen asking for a home visit gives their address (a private_home venue with them
// as contact); an EPN mediator enters one for a citizen without an account (initials, year of birth,
// commune, consent). Requests wait in the coordinators' queue until scheduled, declined or withdrawn.

/** Requests per person: 5 an hour (a contact with several venues stays well under it). */
export const requestLimiter = defineLimiter({ keyPrefix: 'mobile-epn-request', points: 5, duration: 60 * 60 });
/** Requests a mediator may enter per Brussels day (as ideas' mediated contributions). */
export const MEDIATED_DAILY_LIMIT = 10;

const localInstant = z.string({ message: 'mobile_epn_dir_error_datetime' }).refine((s) => fromBrusselsLocal(s) !== null, { message: 'mobile_epn_dir_error_datetime' });
/** A preferred window, in Brussels wall-clock "YYYY-MM-DDTHH:mm". Checked against "now" by the service. */
export const ZDateWindow = z
  .object({ from: localInstant, to: localInstant })
  .refine((w) => {
    const [f, to] = [fromBrusselsLocal(w.from), fromBrusselsLocal(w.to)];
    return !f || !to || f < to;
  }, { message: 'mobile_epn_dir_error_window_dates_order', path: ['to'] });

export const ZRequestFields = z.object({
  topic: z.enum(TOPICS, { message: 'mobile_epn_dir_error_topic' }),
  language: z.enum(LANGUAGES, { message: 'mobile_epn_dir_error_language' }),
  participants: z.number({ message: 'mobile_epn_dir_error_participants' }).int({ message: 'mobile_epn_dir_error_participants' }).min(1, { message: 'mobile_epn_dir_error_participants' }).max(100, { message: 'mobile_epn_dir_error_participants' }),
  durationMinutes: z.number({ message: 'mobile_epn_dir_error_duration' }).int({ message: 'mobile_epn_dir_error_duration' }).min(30, { message: 'mobile_epn_dir_error_duration' }).max(480, { message: 'mobile_epn_dir_error_duration' }),
  windows: z.array(ZDateWindow, { message: 'mobile_epn_dir_error_windows' }).min(1, { message: 'mobile_epn_dir_error_windows' }).max(3, { message: 'mobile_epn_dir_error_windows' }),
  accessibilityNeeds: text(1000).default(''),
  note: text(2000).default(''),
  needsKit: z.boolean().default(true)
});

const address = {
  street: required(2, 200, 'mobile_epn_dir_error_street'),
  postcode: ZPostcode,
  communeNis: ZCommune,
  /** Picked on the map, or left out: the commune's centre until a coordinator places it. */
  latitude: ZLatitude.nullable().default(null),
  longitude: ZLongitude.nullable().default(null),
  accessNotes: text(1000).default(''),
  contactPhone: ZPhone.default('')
};
const postcodeMatches = { message: 'mobile_epn_dir_error_postcode_commune', path: ['postcode'] };

export const ZPlace = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('venue'), venueId: z.string({ message: 'mobile_epn_dir_error_venue' }).min(1, { message: 'mobile_epn_dir_error_venue' }).max(64, { message: 'mobile_epn_dir_error_venue' }) }),
    z
      .object({
        kind: z.literal('new_venue'),
        type: z.enum(VENUE_TYPES.filter((v) => v !== 'private_home') as ['care_home', ...string[]], { message: 'mobile_epn_dir_error_venue_type' }),
        name: required(2, 150, 'mobile_epn_dir_error_name'),
        capacity: z.number({ message: 'mobile_epn_dir_error_capacity' }).int({ message: 'mobile_epn_dir_error_capacity' }).min(1, { message: 'mobile_epn_dir_error_capacity' }).max(500, { message: 'mobile_epn_dir_error_capacity' }),
        wifi: z.boolean().default(false),
        ...address
      })
      .refine((p) => postcodeInCommune(p.postcode, p.communeNis), postcodeMatches),
    z.object({ kind: z.literal('home'), ...address }).refine((p) => postcodeInCommune(p.postcode, p.communeNis), postcodeMatches)
  ],
  { message: 'mobile_epn_dir_error_place' }
);

export const ZCreateRequest = ZRequestFields.extend({ place: ZPlace });

export const ZCitizen = z.object({
  initials: z.string({ message: 'mobile_epn_dir_error_initials' }).trim().min(1, { message: 'mobile_epn_dir_error_initials' }).max(5, { message: 'mobile_epn_dir_error_initials' }).regex(/^[\p{L}][\p{L}.\- ]*$/u, { message: 'mobile_epn_dir_error_initials' }),
  birthYear: z.number({ message: 'mobile_epn_dir_error_birth_year' }).int({ message: 'mobile_epn_dir_error_birth_year' }).min(1900, { message: 'mobile_epn_dir_error_birth_year' }).max(new Date().getUTCFullYear() - 10, { message: 'mobile_epn_dir_error_birth_year' }),
  communeNis: ZCommune,
  consent: z.literal(true, { message: 'mobile_epn_dir_error_consent' })
});

export const ZMediateRequest = ZRequestFields.extend({
  citizen: ZCitizen,
  /** An existing (public) venue, or the citizen's home. */
  place: z.discriminatedUnion('kind', [ZPlace.options[0], ZPlace.options[2]], { message: 'mobile_epn_dir_error_place' })
});

export const ZQueueFilters = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  topic: z.enum(TOPICS).optional(),
  communeNis: ZCommune.optional()
});

type PlaceInput = z.infer<typeof ZPlace>;

function futureWindows(windows: z.infer<typeof ZDateWindow>[], now: Date) {
  const parsed = windows.map((w) => ({ from: fromBrusselsLocal(w.from)!, to: fromBrusselsLocal(w.to)! }));
  const past = parsed.findIndex((w) => w.from <= now);
  if (past >= 0) throw new AppError('VALIDATION', 'window in the past', { messageKey: 'mobile_epn_dir_error_window_past', fieldErrors: { [`windows.${past}.from`]: 'mobile_epn_dir_error_window_past' } });
  return parsed.sort((a, b) => a.from.getTime() - b.from.getTime()).map((w) => ({ from: w.from.toISOString(), to: w.to.toISOString() }));
}

function requestColumns(input: z.infer<typeof ZRequestFields>, now: Date) {
  return { topic: input.topic, language: input.language, participants: input.participants, durationMinutes: input.durationMinutes, windows: futureWindows(input.windows, now), accessibilityNeeds: input.accessibilityNeeds, note: input.note, needsKit: input.needsKit };
}

/** The venue a request is for: one of the contact's, or a new one (theirs, or nobody's for a mediated home visit). */
async function placeFor(tx: Db, place: PlaceInput, who: { contactUserId: string | null; contactName: string; contactEmail: string; participants: number }, mediated: boolean): Promise<string> {
  if (place.kind === 'venue') {
    const venue = await tx.mobileVenue.findUnique({ where: { id: place.venueId }, select: { id: true, contactUserId: true, archivedAt: true, type: true } });
    // A contact asks for their own venues; a mediator for any public venue (a private home only by its address).
    const allowed = venue && venue.archivedAt === null && (mediated ? venue.type !== 'private_home' : venue.contactUserId === who.contactUserId);
    if (!allowed) throw new AppError('VALIDATION', 'not your venue', { messageKey: 'mobile_epn_dir_error_venue', fieldErrors: { 'place.venueId': 'mobile_epn_dir_error_venue' } });
    return venue.id;
  }
  const point = place.latitude !== null && place.longitude !== null ? { latitude: place.latitude, longitude: place.longitude } : communePoint(place.communeNis);
  const common = { street: place.street, postcode: place.postcode, communeNis: place.communeNis, ...point, accessNotes: place.accessNotes, contactPhone: place.contactPhone, contactUserId: who.contactUserId, contactName: who.contactName, contactEmail: who.contactEmail };
  const venue =
    place.kind === 'home'
      ? await tx.mobileVenue.create({ data: { ...common, type: 'private_home', name: who.contactName, capacity: Math.max(1, who.participants), wifi: false } })
      : await tx.mobileVenue.create({ data: { ...common, type: place.type, name: place.name, capacity: place.capacity, wifi: place.wifi } });
  return venue.id;
}

export async function createRequest({ db, actor, input, now = new Date() }: { db: Db; actor: Actor; input: z.infer<typeof ZCreateRequest>; now?: Date }) {
  const columns = requestColumns(input, now);
  await requestLimiter.consume({ db, key: actor.id });
  return db.$transaction(async (tx) => {
    const venueId = await placeFor(tx as Db, input.place, { contactUserId: actor.id, contactName: actor.displayName, contactEmail: actor.email, participants: input.participants }, false);
    const request = await tx.mobileRequest.create({ data: { ...columns, venueId, requestedById: actor.id } });
    return { id: request.id, venueId };
  });
}

async function lockKey(tx: Db, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** A mediator's request for a citizen without an account; at most MEDIATED_DAILY_LIMIT a day per mediator. */
export async function mediateRequest({ db, actor, input, limit = MEDIATED_DAILY_LIMIT, now = new Date() }: { db: Db; actor: Actor; input: z.infer<typeof ZMediateRequest>; limit?: number; now?: Date }) {
  const columns = requestColumns(input, now);
  const initials = input.citizen.initials.toUpperCase();
  return db.$transaction(
    async (tx) => {
      await lockKey(tx as Db, `mobile-epn-mediator:${actor.id}`);
      const today = await tx.mobileRequest.count({ where: { mediatorId: actor.id, createdAt: { gte: startOfBrusselsDay(now) } } });
      if (today >= limit) throw new AppError('RATE_LIMITED', 'mediator daily limit', { messageKey: 'mobile_epn_dir_error_mediator_limit', params: { max: limit } });
      const venueId = await placeFor(tx as Db, input.place, { contactUserId: null, contactName: initials, contactEmail: '', participants: input.participants }, true);
      const request = await tx.mobileRequest.create({
        data: { ...columns, venueId, mediatorId: actor.id, citizenInitials: initials, citizenBirthYear: input.citizen.birthYear, citizenCommuneNis: input.citizen.communeNis, consentAt: now, createdAt: now }
      });
      await audit({ db: tx as Db, actorId: actor.id, action: 'mobile-epn.request.mediate', targetType: 'mobile-epn.request', targetId: request.id, data: { venueId } });
      return { id: request.id, venueId };
    },
    { maxWait: 30_000, timeout: 30_000 }
  );
}

/** What a mediator entered today and what is left. */
export async function mediatorToday({ db, actor, limit = MEDIATED_DAILY_LIMIT, now = new Date() }: { db: Db; actor: Actor; limit?: number; now?: Date }) {
  const count = await db.mobileRequest.count({ where: { mediatorId: actor.id, createdAt: { gte: startOfBrusselsDay(now) } } });
  return { count, limit, left: Math.max(0, limit - count) };
}

/** Venues a mediator may choose (public ones, not archived): name, type and commune. */
export async function mediationVenues({ db, locale }: { db: Db; locale: string }) {
  const rows = await db.mobileVenue.findMany({ where: { archivedAt: null, type: { not: 'private_home' } }, select: { id: true, name: true, type: true, communeNis: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 2000 });
  return rows.map((v) => ({ id: v.id, name: v.name, type: v.type, commune: commune(v.communeNis, locale) }));
}

const requestInclude = {
  venue: { include: { contactUser: { select: { id: true, email: true, displayName: true } } } },
  requestedBy: { select: { id: true, email: true, displayName: true, locale: true } },
  mediator: { select: { id: true, email: true, displayName: true, locale: true } },
  sessions: { select: { id: true, startsAt: true, endsAt: true, status: true, seats: true, topic: true, language: true, trainers: { select: { trainer: { select: { userId: true } } } } }, orderBy: { startsAt: 'asc' } }
} satisfies Prisma.MobileRequestInclude;
type RequestRow = Prisma.MobileRequestGetPayload<{ include: typeof requestInclude }>;

const windowsOf = (json: Prisma.JsonValue) => (Array.isArray(json) ? json : []).flatMap((w) => (w && typeof w === 'object' && !Array.isArray(w) && typeof w.from === 'string' && typeof w.to === 'string' ? [{ from: new Date(w.from), to: new Date(w.to), fromLocal: toBrusselsLocal(new Date(w.from)), toLocal: toBrusselsLocal(new Date(w.to)) }] : []));

/**
 * A request as `actor` sees it. Coordinators see who asked; the requester sees their own request. The
 * venue goes through venueView (a private home's address only for those maySeeAddress allows: the
 * trainers assigned to one of the request's sessions count).
 */
export function requestView(r: RequestRow, actor: Actor | null, locale: string) {
  const staff = isCoordinator(actor);
  const trainerUserIds = r.sessions.flatMap((s) => s.trainers.map((x) => x.trainer.userId));
  return {
    id: r.id,
    status: r.status,
    statusReason: r.statusReason,
    topic: r.topic,
    language: r.language,
    participants: r.participants,
    durationMinutes: r.durationMinutes,
    windows: windowsOf(r.windows),
    accessibilityNeeds: r.accessibilityNeeds,
    note: r.note,
    needsKit: r.needsKit,
    createdAt: r.createdAt,
    mediated: r.mediatorId !== null,
    venue: venueView(r.venue, actor, locale, trainerUserIds),
    sessions: r.sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, status: s.status, seats: s.seats, topic: s.topic, language: s.language })),
    // Who asked: staff only (a mediated citizen is known by initials, year of birth and commune).
    requester: staff ? (r.requestedBy ? { id: r.requestedBy.id, email: r.requestedBy.email, displayName: r.requestedBy.displayName } : null) : null,
    mediator: staff && r.mediator ? { id: r.mediator.id, email: r.mediator.email, displayName: r.mediator.displayName } : null,
    citizen: staff && r.mediatorId ? { initials: r.citizenInitials, birthYear: r.citizenBirthYear, commune: r.citizenCommuneNis ? commune(r.citizenCommuneNis, locale) : null } : null
  };
}
export type RequestView = ReturnType<typeof requestView>;

const isRequester = (r: { requestedById: string | null; mediatorId: string | null }, actor: Actor) => r.requestedById === actor.id || r.mediatorId === actor.id;

/** The actor's own requests (asked, or entered as a mediator), newest first, with their sessions. */
export async function myRequests({ db, actor, locale }: { db: Db; actor: Actor; locale: string }) {
  const rows = await db.mobileRequest.findMany({ where: { OR: [{ requestedById: actor.id }, { mediatorId: actor.id }] }, include: requestInclude, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 200 });
  return rows.map((r) => requestView(r, actor, locale));
}

export async function getRequest({ db, actor, id, locale }: { db: Db; actor: Actor; id: string; locale: string }) {
  const r = await db.mobileRequest.findUnique({ where: { id }, include: requestInclude });
  if (!r) throw new AppError('NOT_FOUND');
  if (!isCoordinator(actor) && !isRequester(r, actor)) throw new AppError('FORBIDDEN');
  return requestView(r, actor, locale);
}

export async function withdrawRequest({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const r = await db.mobileRequest.findUnique({ where: { id }, select: { requestedById: true, mediatorId: true, status: true } });
  if (!r) throw new AppError('NOT_FOUND');
  if (!isRequester(r, actor)) throw new AppError('FORBIDDEN');
  const done = await db.mobileRequest.updateMany({ where: { id, status: 'new' }, data: { status: 'withdrawn' } });
  if (done.count === 0) throw new AppError('CONFLICT', 'no longer new', { messageKey: 'mobile_epn_dir_error_request_not_new' });
  return { id, status: 'withdrawn' as const };
}

/** The coordinators' queue: new requests first, oldest first; then the others, oldest first. */
export async function requestQueue({ db, actor, filters, locale, limit = 200 }: { db: Db; actor: Actor | null; filters: z.infer<typeof ZQueueFilters>; locale: string; limit?: number }) {
  const a = requireCoordinator(actor);
  const where = { ...(filters.topic ? { topic: filters.topic } : {}), ...(filters.communeNis ? { venue: { communeNis: filters.communeNis } } : {}) } satisfies Prisma.MobileRequestWhereInput;
  const order = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
  const fresh = !filters.status || filters.status === 'new' ? await db.mobileRequest.findMany({ where: { ...where, status: 'new' }, include: requestInclude, orderBy: order, take: limit }) : [];
  const rest = filters.status !== 'new' && fresh.length < limit ? await db.mobileRequest.findMany({ where: { ...where, status: filters.status ?? { not: 'new' } }, include: requestInclude, orderBy: order, take: limit - fresh.length }) : [];
  return [...fresh, ...rest].map((r) => requestView(r, a, locale));
}

export const ZDecline = z.object({ id: ZId, reason: required(3, 1000, 'mobile_epn_dir_error_reason') });

/** A coordinator declines a new request with a reason; the requester (or the mediator) is told by email, in their language. */
export async function declineRequest({ db, actor, id, reason, origin, sendMail }: { db: Db; actor: Actor | null; id: string; reason: string; origin: string; sendMail: (m: OutgoingMail) => Promise<void> }) {
  const a = requireCoordinator(actor);
  const r = await db.mobileRequest.findUnique({ where: { id }, include: { requestedBy: { select: { email: true, locale: true, displayName: true } }, mediator: { select: { email: true, locale: true, displayName: true } } } });
  if (!r) throw new AppError('NOT_FOUND');
  await db.$transaction(async (tx) => {
    const done = await tx.mobileRequest.updateMany({ where: { id, status: 'new' }, data: { status: 'declined', statusReason: reason } });
    if (done.count === 0) throw new AppError('CONFLICT', 'no longer new', { messageKey: 'mobile_epn_dir_error_request_not_new' });
    await audit({ db: tx as Db, actorId: a.id, action: 'mobile-epn.request.decline', targetType: 'mobile-epn.request', targetId: id, data: { reason } });
  });
  const to = r.requestedBy ?? r.mediator;
  if (to) {
    const locale = ['fr', 'nl', 'en'].includes(to.locale) ? to.locale : 'fr';
    const params = { name: to.displayName, topic: t(`mobile_epn_topic_${r.topic}`, undefined, { locale }), reason, link: `${origin}${localizeHref('/mobile/requests', { locale: locale as 'fr' })}` };
    await sendMail({ to: to.email, subject: t('mobile_epn_req_mail_declined_subject', params, { locale }), text: t('mobile_epn_req_mail_declined_text', params, { locale }) });
  }
  return { id, status: 'declined' as const };
}
