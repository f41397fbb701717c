import { z } from 'zod';
import { Prisma, type Db } from '@passerelle/db';
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
const zCount = z.number({ message: 'epn_survey_error_count' }).int({ message: 'epn_survey_error_count' }).min(0, { message: 'epn_survey_error_count' }).max(1000, { message: 'epn_survey_error_count' });

/** Attendees by age band then gender: { "25-34": { "woman": 2 } }. Missing cells are zero. */
export const ZAttendees = z.partialRecord(z.enum(AGE_BANDS), z.partialRecord(z.enum(GENDERS), zCount));
export type Attendees = z.infer<typeof ZAttendees>;

const zSessionCount = z.number({ message: 'epn_survey_error_sessions' }).int({ message: 'epn_survey_error_sessions' }).min(0, { message: 'epn_survey_error_sessions' }).max(10_000, { message: 'epn_survey_error_sessions' });

export const ZActivityInput = z
  .object({
    placeId: z.string().min(1).max(64).nullable().default(null),
    kind: z.enum(['session', 'monthly']).default('session'),
    date: zDay,
    /** Required for a session. For monthly totals, groupSessions says the mix instead. */
    sessionType: z.enum(SESSION_TYPES, { message: 'epn_survey_error_session_type' }).optional(),
    sessions: z.number({ message: 'epn_survey_error_sessions' }).int({ message: 'epn_survey_error_sessions' }).min(1, { message: 'epn_survey_error_sessions' }).max(10_000, { message: 'epn_survey_error_sessions' }).default(1),
    /** Monthly totals: how many of `sessions` were group sessions (default: all if sessionType is group, else none). */
    groupSessions: zSessionCount.optional(),
    durationMinutes: z.number({ message: 'epn_survey_error_duration' }).int({ message: 'epn_survey_error_duration' }).min(5, { message: 'epn_survey_error_duration' }).max(100_000, { message: 'epn_survey_error_duration' }),
    location: z.enum(LOCATIONS, { message: 'epn_survey_error_location' }),
    topics: z.array(z.enum(TOPICS)).max(TOPICS.length).default([]),
    /** Monthly totals: sessions per topic. */
    topicSessions: z.partialRecord(z.enum(TOPICS), zSessionCount).optional(),
    attendees: ZAttendees,
    referrals: z.array(z.enum(REFERRALS)).max(REFERRALS.length).default([]),
    note: z.string().trim().max(500).default('')
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'session') {
      if (a.sessionType === undefined) ctx.addIssue({ code: 'custom', path: ['sessionType'], message: 'epn_survey_error_session_type' });
      if (a.sessions !== 1) ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'epn_survey_error_sessions' });
      if (a.durationMinutes > 720) ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'epn_survey_error_duration' });
      if (a.sessionType === 'individual' && attendeeTotal(a.attendees) > 3) ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'epn_survey_error_individual_attendees' });
    } else {
      if (!a.date.endsWith('-01')) ctx.addIssue({ code: 'custom', path: ['date'], message: 'epn_survey_error_month_start' });
      if ((a.groupSessions ?? 0) > a.sessions) ctx.addIssue({ code: 'custom', path: ['groupSessions'], message: 'epn_survey_error_group_sessions' });
      // Twelve hours a session at most, as for single sessions.
      if (a.durationMinutes > a.sessions * 720) ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'epn_survey_error_duration' });
      for (const [topic, n] of Object.entries(a.topicSessions ?? {})) if ((n ?? 0) > a.sessions) ctx.addIssue({ code: 'custom', path: ['topicSessions', topic], message: 'epn_survey_error_topic_sessions' });
    }
    if (attendeeTotal(a.attendees) === 0) ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'epn_survey_error_no_attendees' });
  });
export type ActivityInput = z.input<typeof ZActivityInput>;
export type ParsedActivity = z.infer<typeof ZActivityInput>;
export type ActivitySource = 'form' | 'import' | 'mobile-epn';

export function attendeeTotal(attendees: Attendees): number {
  let total = 0;
  for (const byGender of Object.values(attendees)) for (const n of Object.values(byGender ?? {})) total += n ?? 0;
  return total;
}

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function checkPlace(db: Db, organisationId: string, placeId: string | null) {
  if (!placeId) return;
  const place = await db.epnPlace.findUnique({ where: { id: placeId }, select: { organisationId: true } });
  if (!place || place.organisationId !== organisationId) throw new AppError('VALIDATION', 'place of another organisation', { messageKey: 'epn_survey_error_place', fieldErrors: { placeId: 'epn_survey_error_place' } });
}

/** Attendees without zero cells, bands and genders in list order: one spelling per content. */
export function canonicalAttendees(attendees: Attendees): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const band of AGE_BANDS) {
    for (const g of GENDERS) {
      const n = attendees[band]?.[g] ?? 0;
      if (n > 0) (out[band] ??= {})[g] = n;
    }
  }
  return out;
}

/** The stored columns of a record (everything but who, when and where from). */
export function activityColumns(input: ParsedActivity) {
  const monthly = input.kind === 'monthly';
  const group = monthly ? (input.groupSessions ?? (input.sessionType === 'group' ? input.sessions : 0)) : input.sessionType === 'group' ? 1 : 0;
  const sessionType = monthly ? (group === 0 ? 'individual' : group === input.sessions ? 'group' : 'mixed') : (input.sessionType ?? 'individual');
  const topicSessions = monthly ? Object.fromEntries(TOPICS.flatMap((t) => ((input.topicSessions?.[t] ?? 0) > 0 ? [[t, input.topicSessions![t]!]] : []))) : null;
  const topics = TOPICS.filter((t) => input.topics.includes(t) || (topicSessions !== null && t in topicSessions));
  return {
    placeId: input.placeId,
    kind: input.kind,
    date: day(input.date),
    sessionType,
    sessions: input.sessions,
    groupSessions: group,
    durationMinutes: input.durationMinutes,
    location: input.location,
    topics,
    topicSessions: topicSessions === null ? Prisma.DbNull : (topicSessions as Prisma.InputJsonValue),
    attendees: canonicalAttendees(input.attendees) as Prisma.InputJsonValue,
    attendeeCount: attendeeTotal(input.attendees),
    referrals: REFERRALS.filter((r) => input.referrals.includes(r)),
    note: input.note
  };
}

/** The reference of a month's totals: one record per organisation, EPN (or none) and month. */
export function monthRef(organisationId: string, placeId: string | null, date: string): string {
  return `epn-survey:month:${organisationId}:${placeId ?? '-'}:${date.slice(0, 7)}`;
}
const MONTH_REF = 'epn-survey:month:';

/** Single sessions of the month (same organisation and EPN) that a month's totals stand in for. */
async function sessionsCovered(db: Db, organisationId: string, placeId: string | null, monthStart: Date) {
  const next = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 1));
  return db.epnActivity.count({ where: { organisationId, placeId, kind: 'session', date: { gte: monthStart, lt: next } } });
}

/**
 * Records one activity. `externalRef` lets another plugin (mobile-epn) record the same session again
 * without creating a second record: the existing one is updated instead. A month's totals are one
 * record per organisation, EPN and month: entering them again corrects them. In dashboards they stand
 * in for the single sessions of that month and EPN (`coveredSessions`), which are then not counted.
 */
export async function recordActivity({ db, actor, organisationId, input, source = 'form', externalRef }: { db: Db; actor: Actor; organisationId: string; input: ParsedActivity; source?: ActivitySource; externalRef?: string }) {
  requireOrganisation(actor, organisationId);
  await checkPlace(db, organisationId, input.placeId);
  const columns = activityColumns(input);
  const ref = externalRef ?? (input.kind === 'monthly' ? monthRef(organisationId, input.placeId, input.date) : undefined);
  const coveredSessions = input.kind === 'monthly' ? await sessionsCovered(db, organisationId, input.placeId, columns.date) : 0;
  if (ref) {
    const row = await upsertByRef(db, ref, { ...columns, organisationId, source, createdById: actor.id }, { ...columns, organisationId, source, updatedById: actor.id });
    return { id: row.id, coveredSessions };
  }
  const row = await db.epnActivity.create({ data: { ...columns, organisationId, source, createdById: actor.id }, select: { id: true } });
  return { id: row.id, coveredSessions };
}

async function upsertByRef(db: Db, externalRef: string, create: Prisma.EpnActivityUncheckedCreateInput, update: Prisma.EpnActivityUncheckedUpdateInput) {
  try {
    return await db.epnActivity.upsert({ where: { externalRef }, create: { ...create, externalRef }, update, select: { id: true } });
  } catch (e) {
    // Two parallel first recordings: the loser updates the winner's row.
    if (!isUniqueViolation(e)) throw e;
    return db.epnActivity.update({ where: { externalRef }, data: update, select: { id: true } });
  }
}

async function ownActivity(db: Db, actor: Actor, id: string) {
  const row = await db.epnActivity.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND');
  requireOrganisation(actor, row.organisationId);
  return row;
}

/** A record as its correction form shows it. */
export async function activityForEditing({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const r = await ownActivity(db, actor, id);
  const author = r.createdById ? await db.user.findUnique({ where: { id: r.createdById }, select: { displayName: true } }) : null;
  return {
    id: r.id,
    organisationId: r.organisationId,
    placeId: r.placeId,
    kind: r.kind as 'session' | 'monthly',
    date: isoDay(r.date),
    sessionType: r.sessionType,
    sessions: r.sessions,
    groupSessions: r.groupSessions,
    durationMinutes: r.durationMinutes,
    location: r.location,
    topics: r.topics,
    topicSessions: (r.topicSessions ?? {}) as Record<string, number>,
    attendees: r.attendees as Attendees,
    referrals: r.referrals,
    note: r.note,
    source: r.source,
    enteredBy: author?.displayName ?? null,
    enteredAt: r.createdAt
  };
}

/**
 * Corrects a record of one's own organisation (audited). A session stays a session and monthly totals
 * stay monthly totals; a month moved to another month or EPN must not meet totals already there.
 */
export async function updateActivity({ db, actor, id, input }: { db: Db; actor: Actor; id: string; input: ParsedActivity }) {
  const row = await ownActivity(db, actor, id);
  if (input.kind !== row.kind) throw new AppError('VALIDATION', 'the kind of a record does not change', { messageKey: 'epn_survey_error_kind_change' });
  await checkPlace(db, row.organisationId, input.placeId);
  const columns = activityColumns(input);
  const externalRef = row.kind === 'monthly' && (row.externalRef === null || row.externalRef.startsWith(MONTH_REF)) ? monthRef(row.organisationId, input.placeId, input.date) : row.externalRef;
  try {
    await db.$transaction(async (tx) => {
      await tx.epnActivity.update({ where: { id }, data: { ...columns, externalRef, updatedById: actor.id } });
      await audit({ db: tx, actorId: actor.id, action: 'epn-survey.activity.update', targetType: 'epn-survey.activity', targetId: id, data: { organisationId: row.organisationId, before: { date: isoDay(row.date), placeId: row.placeId, sessions: row.sessions, attendeeCount: row.attendeeCount, durationMinutes: row.durationMinutes } } });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw new AppError('VALIDATION', 'totals already entered for that month', { messageKey: 'epn_survey_error_month_exists', fieldErrors: { date: 'epn_survey_error_month_exists' } });
  }
  return { id };
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

/** Records the actor may see, newest first, each with who entered it, when, how, and who corrected it. */
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
    db.epnActivity.findMany({ where, orderBy: [{ date: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }], skip: (filters.page - 1) * pageSize, take: pageSize, include: { place: { select: { name: true } }, organisation: { select: { name: true } } } })
  ]);
  const people = [...new Set(rows.flatMap((r) => [r.createdById, r.updatedById]).filter((x): x is string => x !== null))];
  const authors = await db.user.findMany({ where: { id: { in: people } }, select: { id: true, displayName: true } });
  const nameOf = new Map(authors.map((u) => [u.id, u.displayName]));
  // Sessions of a month whose totals were entered for the same EPN: the totals count, not them.
  const months = [...new Set(rows.filter((r) => r.kind === 'session').map((r) => `${r.date.toISOString().slice(0, 7)}-01`))];
  const totals = months.length
    ? await db.epnActivity.findMany({ where: { kind: 'monthly', organisationId: { in: [...new Set(rows.map((r) => r.organisationId))] }, date: { in: months.map(day) } }, select: { organisationId: true, placeId: true, date: true } })
    : [];
  const monthKey = (organisationId: string, placeId: string | null, date: Date) => `${organisationId}|${placeId ?? ''}|${date.toISOString().slice(0, 7)}`;
  const covered = new Set(totals.map((m) => monthKey(m.organisationId, m.placeId, m.date)));
  return {
    total,
    page: filters.page,
    pageSize,
    records: rows.map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      organisation: r.organisation.name,
      place: r.place?.name ?? null,
      kind: r.kind as 'session' | 'monthly',
      date: isoDay(r.date),
      sessionType: r.sessionType,
      sessions: r.sessions,
      groupSessions: r.groupSessions,
      durationMinutes: r.durationMinutes,
      location: r.location,
      topics: r.topics,
      attendeeCount: r.attendeeCount,
      referrals: r.referrals,
      source: r.source as ActivitySource,
      enteredBy: r.createdById ? (nameOf.get(r.createdById) ?? null) : null,
      enteredAt: r.createdAt,
      correctedBy: r.updatedById ? (nameOf.get(r.updatedById) ?? null) : null,
      correctedAt: r.updatedById ? r.updatedAt : null,
      coveredByMonth: r.kind === 'session' && covered.has(monthKey(r.organisationId, r.placeId, r.date))
    }))
  };
}
