import type { Db, Prisma } from '@passerelle/db';

// Reading sessions for feeds, calendars, day views and reminders: one query shape, so that every view
// has the venue (with its commune), the kit and the assigned trainers' names and accounts.

export const SESSION_INCLUDE = {
  venue: { include: { commune: true } },
  kit: true,
  trainers: { include: { trainer: { include: { user: { select: { id: true, displayName: true, email: true, locale: true } } } } } }
} satisfies Prisma.MobileSessionInclude;

export type SessionWithPeople = Prisma.MobileSessionGetPayload<{ include: typeof SESSION_INCLUDE }>;

export const SUBJECT_KINDS = ['trainer', 'venue', 'kit'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** The sessions of a trainer, a venue or a kit starting in [from, to), in order. */
export function subjectSessions(db: Db, { kind, id, from, to, includeCancelled = true }: { kind: SubjectKind; id: string; from: Date; to?: Date; includeCancelled?: boolean }) {
  const where: Prisma.MobileSessionWhereInput = {
    startsAt: { gte: from, ...(to ? { lt: to } : {}) },
    ...(includeCancelled ? {} : { status: 'scheduled' }),
    ...(kind === 'trainer' ? { trainers: { some: { trainerId: id } } } : kind === 'venue' ? { venueId: id } : { kitId: id })
  };
  return db.mobileSession.findMany({ where, include: SESSION_INCLUDE, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
}

/** The subject's display name (trainer's name, venue's name, kit's name), or null when unknown. */
export async function subjectName(db: Db, kind: SubjectKind, id: string): Promise<string | null> {
  if (kind === 'trainer') return (await db.mobileTrainer.findUnique({ where: { id }, include: { user: { select: { displayName: true } } } }))?.user.displayName ?? null;
  if (kind === 'venue') return (await db.mobileVenue.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
  return (await db.mobileKit.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

export function communeLabel(c: { nameFr: string; nameNl: string; nameEn: string }, locale: string): string {
  return locale === 'nl' ? c.nameNl : locale === 'en' ? c.nameEn : c.nameFr;
}

/** The full postal address of a venue. */
export function fullAddress(v: SessionWithPeople['venue'], locale: string): string {
  return `${v.street}, ${v.postcode} ${communeLabel(v.commune, locale)}`;
}
