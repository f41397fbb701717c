import { z } from 'zod';
import type { Db, Prisma } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { isCoordinator, maySeeAddress, requireCoordinator } from './access.ts';
import { VENUE_TYPES } from './lists.ts';
import { ZCommune, ZEmailOrEmpty, ZLatitude, ZLongitude, ZPhone, ZPostcode, commune, postcodeInCommune, required, text } from './directory-input.ts';

// Venues where workshops take place. Coordinators keep the directory; a venue's contact (an account)
// requests workshops for it. A private home's address, contact and exact position are shown only to
// coordinators, to the trainers assigned to its sessions and to its own contact (access.ts maySeeAddress).

export const ZVenueInput = z
  .object({
    type: z.enum(VENUE_TYPES, { message: 'mobile_epn_dir_error_venue_type' }),
    name: required(2, 150, 'mobile_epn_dir_error_name'),
    street: required(2, 200, 'mobile_epn_dir_error_street'),
    postcode: ZPostcode,
    communeNis: ZCommune,
    latitude: ZLatitude,
    longitude: ZLongitude,
    contactName: text(120).default(''),
    contactPhone: ZPhone.default(''),
    contactEmail: ZEmailOrEmpty.default(''),
    /** The email of the contact's account ('' = none): they request workshops for the venue. */
    contactAccount: ZEmailOrEmpty.default(''),
    accessNotes: text(1000).default(''),
    capacity: z.number({ message: 'mobile_epn_dir_error_capacity' }).int({ message: 'mobile_epn_dir_error_capacity' }).min(1, { message: 'mobile_epn_dir_error_capacity' }).max(500, { message: 'mobile_epn_dir_error_capacity' }),
    wifi: z.boolean().default(false)
  })
  .refine((v) => postcodeInCommune(v.postcode, v.communeNis), { message: 'mobile_epn_dir_error_postcode_commune', path: ['postcode'] });
export type VenueInput = z.input<typeof ZVenueInput>;

export const ZVenueFilters = z.object({
  type: z.enum(VENUE_TYPES).optional(),
  communeNis: ZCommune.optional(),
  q: z.string().trim().max(100).optional(),
  archived: z.boolean().default(false)
});

type VenueRow = Prisma.MobileVenueGetPayload<{ include: { contactUser: { select: { id: true; email: true; displayName: true } } } }>;
const withContact = { contactUser: { select: { id: true, email: true, displayName: true } } } as const;

/**
 * A venue as `actor` may see it. Without the right to a private home's address, only its type and
 * commune remain (no name either: it is the person's).
 */
export function venueView(v: Omit<VenueRow, 'contactUser'> & { contactUser?: VenueRow['contactUser'] | null }, actor: Actor | null, locale: string, assignedTrainerUserIds: readonly string[] = []) {
  const base = { id: v.id, type: v.type, commune: commune(v.communeNis, locale), capacity: v.capacity, wifi: v.wifi, archived: v.archivedAt !== null, isDemo: v.isDemo };
  if (!maySeeAddress(actor, v, assignedTrainerUserIds)) return { ...base, private: true as const, name: '', street: '', postcode: '', latitude: null, longitude: null, contactName: '', contactPhone: '', contactEmail: '', accessNotes: '', contactAccount: null };
  return {
    ...base,
    private: false as const,
    name: v.name,
    street: v.street,
    postcode: v.postcode,
    latitude: v.latitude,
    longitude: v.longitude,
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    contactEmail: v.contactEmail,
    accessNotes: v.accessNotes,
    // Which account is the contact: coordinators only.
    contactAccount: isCoordinator(actor) && v.contactUser ? { id: v.contactUser.id, email: v.contactUser.email, displayName: v.contactUser.displayName } : null
  };
}
export type VenueView = ReturnType<typeof venueView>;

async function contactUserId(db: Db, email: string): Promise<string | null> {
  if (!email) return null;
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new AppError('VALIDATION', 'no such account', { messageKey: 'mobile_epn_dir_error_contact_account', fieldErrors: { contactAccount: 'mobile_epn_dir_error_contact_account' } });
  return user.id;
}

function columns(input: z.infer<typeof ZVenueInput>) {
  const { contactAccount: _account, ...rest } = input;
  return rest;
}

export async function createVenue({ db, actor, input }: { db: Db; actor: Actor | null; input: z.infer<typeof ZVenueInput> }) {
  const a = requireCoordinator(actor);
  const contactId = await contactUserId(db, input.contactAccount);
  return db.$transaction(async (tx) => {
    const venue = await tx.mobileVenue.create({ data: { ...columns(input), contactUserId: contactId } });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.venue.create', targetType: 'mobile-epn.venue', targetId: venue.id, data: { type: venue.type } });
    return { id: venue.id };
  });
}

export async function updateVenue({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input: z.infer<typeof ZVenueInput> }) {
  const a = requireCoordinator(actor);
  const before = await db.mobileVenue.findUnique({ where: { id } });
  if (!before) throw new AppError('NOT_FOUND');
  const contactId = await contactUserId(db, input.contactAccount);
  await db.$transaction(async (tx) => {
    await tx.mobileVenue.update({ where: { id }, data: { ...columns(input), contactUserId: contactId } });
    const changed = Object.keys(columns(input)).filter((k) => String((before as Record<string, unknown>)[k]) !== String((input as Record<string, unknown>)[k]));
    if (before.contactUserId !== contactId) changed.push('contactUserId');
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.venue.update', targetType: 'mobile-epn.venue', targetId: id, data: { changed } });
  });
  return { id };
}

/** Archived venues stay (their past sessions point to them) but are offered for nothing new. */
export async function archiveVenue({ db, actor, id, archived, now = new Date() }: { db: Db; actor: Actor | null; id: string; archived: boolean; now?: Date }) {
  const a = requireCoordinator(actor);
  const venue = await db.mobileVenue.findUnique({ where: { id }, select: { id: true } });
  if (!venue) throw new AppError('NOT_FOUND');
  await db.$transaction(async (tx) => {
    await tx.mobileVenue.update({ where: { id }, data: { archivedAt: archived ? now : null } });
    await audit({ db: tx, actorId: a.id, action: archived ? 'mobile-epn.venue.archive' : 'mobile-epn.venue.restore', targetType: 'mobile-epn.venue', targetId: id });
  });
  return { id, archived };
}

export async function listVenues({ db, actor, filters, locale }: { db: Db; actor: Actor | null; filters: z.infer<typeof ZVenueFilters>; locale: string }) {
  requireCoordinator(actor);
  const rows = await db.mobileVenue.findMany({
    where: {
      archivedAt: filters.archived ? { not: null } : null,
      ...(filters.type ? { type: filters.type } : {}),
      ...(filters.communeNis ? { communeNis: filters.communeNis } : {}),
      ...(filters.q ? { OR: [{ name: { contains: filters.q, mode: 'insensitive' } }, { street: { contains: filters.q, mode: 'insensitive' } }] } : {})
    },
    include: withContact,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 1000
  });
  return rows.map((v) => venueView(v, actor, locale));
}

export async function getVenue({ db, actor, id, locale }: { db: Db; actor: Actor | null; id: string; locale: string }) {
  requireCoordinator(actor);
  const v = await db.mobileVenue.findUnique({ where: { id }, include: withContact });
  if (!v) throw new AppError('NOT_FOUND');
  return venueView(v, actor, locale);
}

/** The venues whose contact is the actor (not archived): where they can ask for workshops. */
export async function myVenues({ db, actor, locale }: { db: Db; actor: Actor; locale: string }) {
  const rows = await db.mobileVenue.findMany({ where: { contactUserId: actor.id, archivedAt: null }, include: withContact, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map((v) => venueView(v, actor, locale));
}
