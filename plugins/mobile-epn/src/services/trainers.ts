import { z } from 'zod';
import type { Db, Prisma } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { fromBrusselsLocal, toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { AppError, type Actor } from '@passerelle/trpc';
import { requireCoordinator } from './access.ts';
import { LANGUAGES, TOPICS, TRAVEL_MODES } from './lists.ts';
import { ZEmailOrEmpty, ZId, ZLatitude, ZLongitude, hhmm, minutesOf, text } from './directory-input.ts';

// Trainer profiles: coordinators make a member of an organisation a trainer, with the languages and
// topics they teach, a home base for travel, a weekly availability (Brussels wall-clock) and dated
// absences. Scheduling reads all of it; every change is audited.

export const ZTrainerFields = z.object({
  languages: z.array(z.enum(LANGUAGES, { message: 'mobile_epn_dir_error_languages' }), { message: 'mobile_epn_dir_error_languages' }).min(1, { message: 'mobile_epn_dir_error_languages' }).max(LANGUAGES.length, { message: 'mobile_epn_dir_error_languages' }),
  topics: z.array(z.enum(TOPICS, { message: 'mobile_epn_dir_error_topics' }), { message: 'mobile_epn_dir_error_topics' }).min(1, { message: 'mobile_epn_dir_error_topics' }).max(TOPICS.length, { message: 'mobile_epn_dir_error_topics' }),
  homeLatitude: ZLatitude,
  homeLongitude: ZLongitude,
  homeLabel: text(150).default(''),
  travelMode: z.enum(TRAVEL_MODES, { message: 'mobile_epn_dir_error_travel_mode' })
});

export const ZCreateTrainer = ZTrainerFields.extend({
  email: ZEmailOrEmpty.refine((e) => e !== '', { message: 'mobile_epn_dir_error_email' }),
  /** The organisation they train for; may be left out when they belong to exactly one. */
  organisationId: ZId.nullable().default(null)
});

/** A weekly window: ISO weekday (1 = Monday) and Brussels wall-clock "HH:MM" times. */
export const ZWindow = z.object({
  weekday: z.number({ message: 'mobile_epn_dir_error_weekday' }).int({ message: 'mobile_epn_dir_error_weekday' }).min(1, { message: 'mobile_epn_dir_error_weekday' }).max(7, { message: 'mobile_epn_dir_error_weekday' }),
  start: z.string({ message: 'mobile_epn_dir_error_time' }).refine((s) => minutesOf(s) !== null && minutesOf(s)! < 1440, { message: 'mobile_epn_dir_error_time' }),
  end: z.string({ message: 'mobile_epn_dir_error_time' }).refine((s) => minutesOf(s) !== null && minutesOf(s)! > 0, { message: 'mobile_epn_dir_error_time' })
});

export const ZAvailability = z
  .array(ZWindow)
  .max(50, { message: 'mobile_epn_dir_error_availability_too_many' })
  .superRefine((windows, ctx) => {
    windows.forEach((w, i) => {
      const [s, e] = [minutesOf(w.start), minutesOf(w.end)];
      if (s !== null && e !== null && s >= e) ctx.addIssue({ code: 'custom', message: 'mobile_epn_dir_error_window_order', path: [i, 'end'] });
    });
    windows.forEach((w, i) => {
      const [s, e] = [minutesOf(w.start), minutesOf(w.end)];
      if (s === null || e === null || s >= e) return;
      const clash = windows.findIndex((o, j) => j < i && o.weekday === w.weekday && minutesOf(o.start)! < e && s < minutesOf(o.end)!);
      if (clash >= 0) ctx.addIssue({ code: 'custom', message: 'mobile_epn_dir_error_window_overlap', path: [i, 'start'] });
    });
  });

export const ZAbsence = z
  .object({
    /** Brussels wall-clock "YYYY-MM-DDTHH:mm". */
    from: z.string({ message: 'mobile_epn_dir_error_datetime' }).refine((s) => fromBrusselsLocal(s) !== null, { message: 'mobile_epn_dir_error_datetime' }),
    to: z.string({ message: 'mobile_epn_dir_error_datetime' }).refine((s) => fromBrusselsLocal(s) !== null, { message: 'mobile_epn_dir_error_datetime' }),
    reason: text(200).default('')
  })
  .refine((a) => {
    const [f, t] = [fromBrusselsLocal(a.from), fromBrusselsLocal(a.to)];
    return !f || !t || f < t;
  }, { message: 'mobile_epn_dir_error_absence_order', path: ['to'] })
  .refine((a) => {
    const [f, t] = [fromBrusselsLocal(a.from), fromBrusselsLocal(a.to)];
    return !f || !t || t.getTime() - f.getTime() <= 366 * 86_400_000;
  }, { message: 'mobile_epn_dir_error_absence_long', path: ['to'] });

const include = {
  user: { select: { id: true, email: true, displayName: true } },
  organisation: { select: { id: true, name: true } },
  availability: { orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }] },
  absences: { orderBy: { startsAt: 'asc' } }
} satisfies Prisma.MobileTrainerInclude;
type TrainerRow = Prisma.MobileTrainerGetPayload<{ include: typeof include }>;

export function trainerView(t: TrainerRow, now: Date = new Date()) {
  return {
    id: t.id,
    user: t.user,
    organisation: t.organisation,
    languages: t.languages,
    topics: t.topics,
    homeLatitude: t.homeLatitude,
    homeLongitude: t.homeLongitude,
    homeLabel: t.homeLabel,
    travelMode: t.travelMode,
    active: t.active,
    isDemo: t.isDemo,
    availability: t.availability.map((a) => ({ id: a.id, weekday: a.weekday, start: hhmm(a.startMinute), end: hhmm(a.endMinute) })),
    // Absences that are over are history: the form lists what is current and to come.
    absences: t.absences.filter((a) => a.endsAt > now).map((a) => ({ id: a.id, startsAt: a.startsAt, endsAt: a.endsAt, from: toBrusselsLocal(a.startsAt), to: toBrusselsLocal(a.endsAt), reason: a.reason }))
  };
}
export type TrainerView = ReturnType<typeof trainerView>;

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export async function createTrainer({ db, actor, input }: { db: Db; actor: Actor | null; input: z.infer<typeof ZCreateTrainer> }) {
  const a = requireCoordinator(actor);
  const user = await db.user.findUnique({ where: { email: input.email.toLowerCase() }, include: { memberships: { select: { organisationId: true } }, mobileTrainer: { select: { id: true } } } });
  if (!user || user.disabledAt) throw new AppError('VALIDATION', 'no such account', { messageKey: 'mobile_epn_dir_error_trainer_user', fieldErrors: { email: 'mobile_epn_dir_error_trainer_user' } });
  if (user.mobileTrainer) throw new AppError('CONFLICT', 'already a trainer', { messageKey: 'mobile_epn_dir_error_trainer_exists', fieldErrors: { email: 'mobile_epn_dir_error_trainer_exists' } });
  const orgs = user.memberships.map((m) => m.organisationId);
  const organisationId = input.organisationId ?? (orgs.length === 1 ? orgs[0]! : null);
  if (!organisationId || !orgs.includes(organisationId)) throw new AppError('VALIDATION', 'not a member', { messageKey: 'mobile_epn_dir_error_trainer_organisation', fieldErrors: { organisationId: 'mobile_epn_dir_error_trainer_organisation' } });
  return db.$transaction(async (tx) => {
    const t = await tx.mobileTrainer.create({
      data: { userId: user.id, organisationId, languages: unique(input.languages), topics: unique(input.topics), homeLatitude: input.homeLatitude, homeLongitude: input.homeLongitude, homeLabel: input.homeLabel, travelMode: input.travelMode }
    });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.trainer.create', targetType: 'mobile-epn.trainer', targetId: t.id, data: { userId: user.id, organisationId } });
    return { id: t.id };
  });
}

async function existing(db: Db, id: string) {
  const t = await db.mobileTrainer.findUnique({ where: { id }, select: { id: true, active: true } });
  if (!t) throw new AppError('NOT_FOUND');
  return t;
}

export async function updateTrainer({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input: z.infer<typeof ZTrainerFields> }) {
  const a = requireCoordinator(actor);
  await existing(db, id);
  await db.$transaction(async (tx) => {
    await tx.mobileTrainer.update({ where: { id }, data: { ...input, languages: unique(input.languages), topics: unique(input.topics) } });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.trainer.update', targetType: 'mobile-epn.trainer', targetId: id });
  });
  return { id };
}

/** Deactivated trainers keep their past sessions but are offered for nothing new; it can be undone. */
export async function setTrainerActive({ db, actor, id, active }: { db: Db; actor: Actor | null; id: string; active: boolean }) {
  const a = requireCoordinator(actor);
  await existing(db, id);
  await db.$transaction(async (tx) => {
    await tx.mobileTrainer.update({ where: { id }, data: { active } });
    await audit({ db: tx, actorId: a.id, action: active ? 'mobile-epn.trainer.reactivate' : 'mobile-epn.trainer.deactivate', targetType: 'mobile-epn.trainer', targetId: id });
  });
  return { id, active };
}

/** Replaces the weekly availability as a whole (the form shows every window at once). */
export async function setAvailability({ db, actor, id, windows }: { db: Db; actor: Actor | null; id: string; windows: z.infer<typeof ZAvailability> }) {
  const a = requireCoordinator(actor);
  await existing(db, id);
  const rows = windows.map((w) => ({ trainerId: id, weekday: w.weekday, startMinute: minutesOf(w.start)!, endMinute: minutesOf(w.end)! })).sort((x, y) => x.weekday - y.weekday || x.startMinute - y.startMinute);
  await db.$transaction(async (tx) => {
    await tx.mobileAvailability.deleteMany({ where: { trainerId: id } });
    if (rows.length) await tx.mobileAvailability.createMany({ data: rows });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.trainer.availability', targetType: 'mobile-epn.trainer', targetId: id, data: { windows: rows.map((r) => `${r.weekday} ${hhmm(r.startMinute)}-${hhmm(r.endMinute)}`) } });
  });
  return { id, windows: rows.length };
}

export async function addAbsence({ db, actor, id, absence }: { db: Db; actor: Actor | null; id: string; absence: z.infer<typeof ZAbsence> }) {
  const a = requireCoordinator(actor);
  await existing(db, id);
  const [startsAt, endsAt] = [fromBrusselsLocal(absence.from)!, fromBrusselsLocal(absence.to)!];
  return db.$transaction(async (tx) => {
    const row = await tx.mobileAbsence.create({ data: { trainerId: id, startsAt, endsAt, reason: absence.reason } });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.trainer.absence.add', targetType: 'mobile-epn.trainer', targetId: id, data: { absenceId: row.id, from: startsAt.toISOString(), to: endsAt.toISOString() } });
    return { id: row.id };
  });
}

export async function removeAbsence({ db, actor, id, absenceId }: { db: Db; actor: Actor | null; id: string; absenceId: string }) {
  const a = requireCoordinator(actor);
  const row = await db.mobileAbsence.findUnique({ where: { id: absenceId } });
  if (!row || row.trainerId !== id) throw new AppError('NOT_FOUND');
  await db.$transaction(async (tx) => {
    await tx.mobileAbsence.delete({ where: { id: absenceId } });
    await audit({ db: tx, actorId: a.id, action: 'mobile-epn.trainer.absence.remove', targetType: 'mobile-epn.trainer', targetId: id, data: { absenceId, from: row.startsAt.toISOString(), to: row.endsAt.toISOString() } });
  });
  return { id: absenceId };
}

export const ZTrainerFilters = z.object({ active: z.boolean().optional(), language: z.enum(LANGUAGES).optional(), topic: z.enum(TOPICS).optional() });

export async function listTrainers({ db, actor, filters, now = new Date() }: { db: Db; actor: Actor | null; filters: z.infer<typeof ZTrainerFilters>; now?: Date }) {
  requireCoordinator(actor);
  const rows = await db.mobileTrainer.findMany({
    where: { ...(filters.active === undefined ? {} : { active: filters.active }), ...(filters.language ? { languages: { has: filters.language } } : {}), ...(filters.topic ? { topics: { has: filters.topic } } : {}) },
    include,
    orderBy: [{ user: { displayName: 'asc' } }, { id: 'asc' }]
  });
  return rows.map((t) => trainerView(t, now));
}

export async function getTrainer({ db, actor, id, now = new Date() }: { db: Db; actor: Actor | null; id: string; now?: Date }) {
  requireCoordinator(actor);
  const t = await db.mobileTrainer.findUnique({ where: { id }, include });
  if (!t) throw new AppError('NOT_FOUND');
  return trainerView(t, now);
}

/** Organisations a trainer can belong to: those of the account with that email (the creation form asks). */
export async function organisationsOf({ db, actor, email }: { db: Db; actor: Actor | null; email: string }) {
  requireCoordinator(actor);
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { memberships: { select: { organisation: { select: { id: true, name: true } } } } } });
  return (user?.memberships ?? []).map((m) => m.organisation).sort((a, b) => a.name.localeCompare(b.name));
}
