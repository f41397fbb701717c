import { z } from 'zod';
import type { Db, Prisma } from '@passerelle/db';
import { BRUSSELS_BOUNDS, COMMUNES, communeName } from '@passerelle/db/communes';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { organisationScope, requireOrganisation } from './access.ts';
import { ACCESSIBILITY, LANGUAGES, PUBLICS, SERVICES } from './lists.ts';
import { checkOpeningHours, openingStatus } from './opening-hours.ts';

// The EPN directory: places run by organisations, edited by their members (staff edit all of them),
// listed publicly with filters.

const NIS = COMMUNES.map((c) => c.nis) as [string, ...string[]];
export { BRUSSELS_BOUNDS };

const text = (max: number) => z.string().trim().max(max);
export const ZPlaceInput = z
  .object({
    name: text(150).min(2, { message: 'epn_survey_error_name_required' }),
    street: text(200).min(2, { message: 'epn_survey_error_street_required' }),
    postcode: z.string().trim().regex(/^1\d{3}$/, { message: 'epn_survey_error_postcode' }),
    communeNis: z.enum(NIS, { message: 'epn_survey_error_commune' }),
    latitude: z.number().min(BRUSSELS_BOUNDS.south, { message: 'epn_survey_error_outside_brussels' }).max(BRUSSELS_BOUNDS.north, { message: 'epn_survey_error_outside_brussels' }).nullable().default(null),
    longitude: z.number().min(BRUSSELS_BOUNDS.west, { message: 'epn_survey_error_outside_brussels' }).max(BRUSSELS_BOUNDS.east, { message: 'epn_survey_error_outside_brussels' }).nullable().default(null),
    phone: text(40).regex(/^[+0-9 ./()-]*$/, { message: 'epn_survey_error_phone' }).default(''),
    email: z.union([z.literal(''), z.email({ message: 'epn_survey_error_email' }).max(200)]).default(''),
    website: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'epn_survey_error_website' }).max(300)]).default(''),
    openingHours: text(500).default(''),
    services: z.array(z.enum(SERVICES)).max(SERVICES.length).default([]),
    publics: z.array(z.enum(PUBLICS)).max(PUBLICS.length).default([]),
    accessibility: z.array(z.enum(ACCESSIBILITY)).max(ACCESSIBILITY.length).default([]),
    languages: z.array(z.enum(LANGUAGES)).max(LANGUAGES.length).default([]),
    devices: z.number().int({ message: 'epn_survey_error_devices' }).min(0, { message: 'epn_survey_error_devices' }).max(1000, { message: 'epn_survey_error_devices' }).default(0),
    labelled: z.boolean().default(false),
    labelSince: z.coerce.date({ message: 'epn_survey_error_date' }).nullable().default(null),
    mobile: z.boolean().default(false)
  })
  .refine((p) => (p.latitude === null) === (p.longitude === null), { message: 'epn_survey_error_point', path: ['latitude'] });
export type PlaceInput = z.input<typeof ZPlaceInput>;

function columns(input: z.infer<typeof ZPlaceInput>) {
  const hours = checkOpeningHours(input.openingHours);
  if (!hours.ok) throw new AppError('VALIDATION', hours.detail, { messageKey: 'epn_survey_error_opening_hours', fieldErrors: { openingHours: 'epn_survey_error_opening_hours' } });
  return {
    ...input,
    openingHours: hours.normalized,
    services: [...new Set(input.services)],
    publics: [...new Set(input.publics)],
    accessibility: [...new Set(input.accessibility)],
    languages: [...new Set(input.languages)],
    labelSince: input.labelled ? input.labelSince : null
  };
}

export async function createPlace({ db, actor, organisationId, input }: { db: Db; actor: Actor; organisationId: string; input: z.infer<typeof ZPlaceInput> }) {
  requireOrganisation(actor, organisationId);
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
  if (!org) throw new AppError('NOT_FOUND');
  return db.$transaction(async (tx) => {
    const place = await tx.epnPlace.create({ data: { ...columns(input), organisationId } });
    await audit({ db: tx, actorId: actor.id, action: 'epn-survey.place.create', targetType: 'epn-survey.place', targetId: place.id, data: { organisationId } });
    return { id: place.id };
  });
}

async function ownPlace(db: Db, actor: Actor, id: string) {
  const place = await db.epnPlace.findUnique({ where: { id } });
  if (!place) throw new AppError('NOT_FOUND');
  requireOrganisation(actor, place.organisationId);
  return place;
}

export async function updatePlace({ db, actor, id, input }: { db: Db; actor: Actor; id: string; input: z.infer<typeof ZPlaceInput> }) {
  await ownPlace(db, actor, id);
  await db.$transaction(async (tx) => {
    await tx.epnPlace.update({ where: { id }, data: columns(input) });
    await audit({ db: tx, actorId: actor.id, action: 'epn-survey.place.update', targetType: 'epn-survey.place', targetId: id });
  });
  return { id };
}

export async function deletePlace({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const place = await ownPlace(db, actor, id);
  await db.$transaction(async (tx) => {
    // Activity records and responses stay (their place becomes empty): statistics must not change
    // because a place closed.
    await tx.epnPlace.delete({ where: { id } });
    await audit({ db: tx, actorId: actor.id, action: 'epn-survey.place.delete', targetType: 'epn-survey.place', targetId: id, data: { name: place.name, organisationId: place.organisationId } });
  });
}

type PlaceRow = Prisma.EpnPlaceGetPayload<{ include: { organisation: { select: { id: true; name: true } } } }>;

/** A place as the public sees it, in the visitor's language, with its opening status at `now`. */
export function placeView(p: PlaceRow, locale: 'fr' | 'nl' | 'en', now: Date) {
  return {
    id: p.id,
    name: p.name,
    organisation: p.organisation,
    street: p.street,
    postcode: p.postcode,
    commune: { nis: p.communeNis, name: communeName(p.communeNis, locale) ?? p.communeNis },
    latitude: p.latitude,
    longitude: p.longitude,
    phone: p.phone,
    email: p.email,
    website: p.website,
    openingHours: p.openingHours,
    status: openingStatus(p.openingHours, now, locale),
    services: p.services,
    publics: p.publics,
    accessibility: p.accessibility,
    languages: p.languages,
    devices: p.devices,
    labelled: p.labelled,
    labelSince: p.labelSince,
    mobile: p.mobile,
    isDemo: p.isDemo,
    updatedAt: p.updatedAt
  };
}
export type PlaceView = ReturnType<typeof placeView>;

export const ZPlaceFilters = z.object({
  communeNis: z.enum(NIS).optional(),
  service: z.enum(SERVICES).optional(),
  language: z.enum(LANGUAGES).optional(),
  openNow: z.boolean().optional(),
  q: z.string().trim().max(100).optional()
});
export type PlaceFilters = z.infer<typeof ZPlaceFilters>;

/** The public directory, filtered; "open now" is computed from each place's opening hours. */
export async function listPlaces({ db, filters, locale, now = new Date() }: { db: Db; filters: PlaceFilters; locale: 'fr' | 'nl' | 'en'; now?: Date }) {
  const rows = await db.epnPlace.findMany({
    where: {
      ...(filters.communeNis ? { communeNis: filters.communeNis } : {}),
      ...(filters.service ? { services: { has: filters.service } } : {}),
      ...(filters.language ? { languages: { has: filters.language } } : {}),
      ...(filters.q ? { OR: [{ name: { contains: filters.q, mode: 'insensitive' } }, { street: { contains: filters.q, mode: 'insensitive' } }] } : {})
    },
    include: { organisation: { select: { id: true, name: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }]
  });
  const views = rows.map((p) => placeView(p, locale, now));
  return filters.openNow ? views.filter((p) => p.status.state === 'open') : views;
}

export async function getPlace({ db, id, locale, now = new Date() }: { db: Db; id: string; locale: 'fr' | 'nl' | 'en'; now?: Date }) {
  const p = await db.epnPlace.findUnique({ where: { id }, include: { organisation: { select: { id: true, name: true } } } });
  if (!p) throw new AppError('NOT_FOUND');
  return placeView(p, locale, now);
}

/** Places the actor may edit: their organisations' (all of them for staff). */
export async function myPlaces({ db, actor, locale, now = new Date() }: { db: Db; actor: Actor; locale: 'fr' | 'nl' | 'en'; now?: Date }) {
  const scope = organisationScope(actor);
  const rows = await db.epnPlace.findMany({
    where: scope === null ? {} : { organisationId: { in: scope } },
    include: { organisation: { select: { id: true, name: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }]
  });
  return rows.map((p) => placeView(p, locale, now));
}

/** What an editor's form needs to show the current values. */
export async function placeForEditing({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return ownPlace(db, actor, id);
}
