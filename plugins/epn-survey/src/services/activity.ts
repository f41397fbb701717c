import { z } from 'zod';
import type { Db, Prisma } from '@passerelle/db';
import { audit, isUniqueViolation } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { organisationScope, requireOrganisation } from './access.ts';
import { AGE_BANDS } from './definition.ts';
import { GENDERS, LOCATIONS, REFERRALS, SESSION_TYPES, TOPICS } from './lists.ts';

// Activity reports, modelled on France's "Coop de la médiation numérique": what happened, for how long,
// where, about what, and for whom (anonymous counts by age band and gender). A member records one
// session in about 30 seconds, or the totals of a month.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const zDay = z.string().regex(ISO_DAY, { message: 'epn_survey_error_date' }).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'epn_survey_error_date' });
const zCount = z.number().int({ message: 'epn_survey_error_count' }).min(0, { message: 'epn_survey_error_count' }).max(1000, { message: 'epn_survey_error_count' });

/** Attendees by age band then gender: { "25-34": { "woman": 2 } }. Missing cells are zero. */
export const ZAttendees = z.partialRecord(z.enum(AGE_BANDS), z.partialRecord(z.enum(GENDERS), zCount));
export type Attendees = z.infer<typeof ZAttendees>;

export const ZActivityInput = z
  .object({
    placeId: z.string().min(1).max(64).nullable().default(null),
    kind: z.enum(['session', 'monthly']).default('session'),
    date: zDay,
    sessionType: z.enum(SESSION_TYPES, { message: 'epn_survey_error_session_type' }),
    sessions: z.number().int().min(1, { message: 'epn_survey_error_sessions' }).max(10_000, { message: 'epn_survey_error_sessions' }).default(1),
    durationMinutes: z.number().int({ message: 'epn_survey_error_duration' }).min(5, { message: 'epn_survey_error_duration' }).max(100_000, { message: 'epn_survey_error_duration' }),
    location: z.enum(LOCATIONS, { message: 'epn_survey_error_location' }),
    topics: z.array(z.enum(TOPICS)).max(TOPICS.length).default([]),
    attendees: ZAttendees,
    referrals: z.array(z.enum(REFERRALS)).max(REFERRALS.length).default([]),
    note: z.string().trim().max(500).default('')
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'session' && a.sessions !== 1) ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'epn_survey_error_sessions' });
    if (a.kind === 'session' && a.durationMinutes > 720) ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'epn_survey_error_duration' });
    if (a.kind === 'monthly' && !a.date.endsWith('-01')) ctx.addIssue({ code: 'custom', path: ['date'], message: 'epn_survey_error_month_start' });
    if (attendeeTotal(a.attendees) === 0) ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'epn_survey_error_no_attendees' });
    if (a.sessionType === 'individual' && a.kind === 'session' && attendeeTotal(a.attendees) > 3) ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'epn_survey_error_individual_attendees' });
  });
export type ActivityInput = z.input<typeof ZActivityInput>;

export function attendeeTotal(attendees: Attendees): number {
  let total = 0;
  for (const byGender of Object.values(attendees)) for (const n of Object.values(byGender ?? {})) total += n ?? 0;
  return total;
}

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

async function checkPlace(db: Db, organisationId: string, placeId: string | null) {
  if (!placeId) return;
  const place = await db.epnPlace.findUnique({ where: { id: placeId }, select: { organisationId: true } });
  if (!place || place.organisationId !== organisationId) throw new AppError('VALIDATION', 'place of another organisation', { messageKey: 'epn_survey_error_place', fieldErrors: { placeId: 'epn_survey_error_place' } });
}

function columns(input: z.infer<typeof ZActivityInput>) {
  return {
    placeId: input.placeId,
    kind: input.kind,
    date: day(input.date),
    sessionType: input.sessionType,
    sessions: input.sessions,
    durationMinutes: input.durationMinutes,
    location: input.location,
    topics: [...new Set(input.topics)],
    attendees: input.attendees as Prisma.InputJsonValue,
    attendeeCount: attendeeTotal(input.attendees),
    referrals: [...new Set(input.referrals)],
    note: input.note
  };
}

/**
 * Records one activity. `externalRef` lets another plugin (mobile-epn) record the same session again
 * without creating a second record: the existing one is updated instead.
 */
export async function recordActivity({ db, actor, organisationId, input, source = 'form', externalRef }: { db: Db; actor: Actor; organisationId: string; input: z.infer<typeof ZActivityInput>; source?: 'form' | 'import' | 'mobile-epn'; externalRef?: string }) {
  requireOrganisation(actor, organisationId);
  await checkPlace(db, organisationId, input.placeId);
  const data = { ...columns(input), organisationId, source, createdById: actor.id };
  if (externalRef) {
    const row = await upsertByRef(db, externalRef, data);
    return { id: row.id };
  }
  const row = await db.epnActivity.create({ data, select: { id: true } });
  return { id: row.id };
}

async function upsertByRef(db: Db, externalRef: string, data: Prisma.EpnActivityUncheckedCreateInput) {
  try {
    return await db.epnActivity.upsert({ where: { externalRef }, create: { ...data, externalRef }, update: data, select: { id: true } });
  } catch (e) {
    // Two parallel first recordings: the loser updates the winner's row.
    if (!isUniqueViolation(e)) throw e;
    return db.epnActivity.update({ where: { externalRef }, data, select: { id: true } });
  }
}

export async function deleteActivity({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const row = await db.epnActivity.findUnique({ where: { id }, select: { organisationId: true, date: true } });
  if (!row) throw new AppError('NOT_FOUND');
  requireOrganisation(actor, row.organisationId);
  await db.$transaction(async (tx) => {
    await tx.epnActivity.delete({ where: { id } });
    await audit({ db: tx, actorId: actor.id, action: 'epn-survey.activity.delete', targetType: 'epn-survey.activity', targetId: id, data: { organisationId: row.organisationId, date: row.date.toISOString().slice(0, 10) } });
  });
}

export const ZActivityFilters = z.object({
  organisationId: z.string().min(1).max(64).optional(),
  from: zDay.optional(),
  to: zDay.optional(),
  page: z.number().int().min(1).max(10_000).default(1)
});

/** Records the actor may see, newest first, each with who entered it and when. */
export async function listActivities({ db, actor, filters }: { db: Db; actor: Actor; filters: z.infer<typeof ZActivityFilters> }) {
  const scope = organisationScope(actor);
  if (filters.organisationId) requireOrganisation(actor, filters.organisationId);
  const where: Prisma.EpnActivityWhereInput = {
    ...(filters.organisationId ? { organisationId: filters.organisationId } : scope === null ? {} : { organisationId: { in: scope } }),
    ...(filters.from || filters.to ? { date: { ...(filters.from ? { gte: day(filters.from) } : {}), ...(filters.to ? { lte: day(filters.to) } : {}) } } : {})
  };
  const pageSize = 50;
  const [total, rows] = await Promise.all([
    db.epnActivity.count({ where }),
    db.epnActivity.findMany({ where, orderBy: [{ date: 'desc' }, { createdAt: 'desc' }], skip: (filters.page - 1) * pageSize, take: pageSize, include: { place: { select: { name: true } }, organisation: { select: { name: true } } } })
  ]);
  const authors = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById).filter((x): x is string => x !== null))] } }, select: { id: true, displayName: true } });
  const nameOf = new Map(authors.map((u) => [u.id, u.displayName]));
  return {
    total,
    page: filters.page,
    pageSize,
    records: rows.map((r) => ({
      id: r.id,
      organisation: r.organisation.name,
      place: r.place?.name ?? null,
      kind: r.kind,
      date: r.date.toISOString().slice(0, 10),
      sessionType: r.sessionType,
      sessions: r.sessions,
      durationMinutes: r.durationMinutes,
      location: r.location,
      topics: r.topics,
      attendeeCount: r.attendeeCount,
      referrals: r.referrals,
      source: r.source,
      enteredBy: r.createdById ? (nameOf.get(r.createdById) ?? null) : null,
      enteredAt: r.createdAt
    }))
  };
}
