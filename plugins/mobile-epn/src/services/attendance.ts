import { z } from 'zod';
import type { Db } from '@passerelle/db';
import { communeName } from '@passerelle/db/communes';
import { audit } from '@passerelle/auth';
import { brusselsParts } from '@passerelle/plugin-sdk/time';
import { AppError, type Actor, type Bridges, type MobileActivity } from '@passerelle/trpc';
import { isCoordinator, maySeeAddress, requireActor, trainerOf } from './access.ts';
import { AGE_BANDS, GENDERS, TOPICS } from './lists.ts';
import { validate } from './validate.ts';

// Attendance, recorded after a session by one of its trainers (or a coordinator): who of the registered
// came, walk-ins counted by age band and gender, the topics covered and a short note. It becomes (or,
// recorded again, corrects) the session's activity report in epn-survey, place "mobile", through the
// bridge that plugin offers: anonymous counts only, never names.

const count = z.number({ message: 'mobile_epn_att_error_count' }).int({ message: 'mobile_epn_att_error_count' }).min(0, { message: 'mobile_epn_att_error_count' }).max(500, { message: 'mobile_epn_att_error_count' });

export const ZAttendance = z.object({
  /** The registrations checked off as present, with age band and gender when the registration lacks them. */
  present: z
    .array(
      z.object({
        registrationId: z.string().min(1).max(64),
        ageBand: z.enum(AGE_BANDS, { message: 'mobile_epn_att_error_age_band' }).nullable().default(null),
        gender: z.enum(GENDERS, { message: 'mobile_epn_att_error_gender' }).nullable().default(null)
      })
    )
    .max(500, { message: 'mobile_epn_att_error_count' })
    .default([]),
  /** Walk-ins: { "65-74": { "woman": 2 } }. */
  walkIns: z.partialRecord(z.enum(AGE_BANDS, { message: 'mobile_epn_att_error_count' }), z.partialRecord(z.enum(GENDERS, { message: 'mobile_epn_att_error_count' }), count)).default({}),
  topics: z.array(z.enum(TOPICS, { message: 'mobile_epn_att_error_topic' })).max(TOPICS.length, { message: 'mobile_epn_att_error_topic' }).default([]),
  note: z.string({ message: 'mobile_epn_att_error_note' }).trim().max(500, { message: 'mobile_epn_att_error_note' }).default('')
});
export type TAttendance = z.input<typeof ZAttendance>;
/** As typed in a form: checked by ZAttendance. */
export type LooseAttendance = { present?: { registrationId: string; ageBand?: string | null; gender?: string | null }[]; walkIns?: Record<string, Record<string, unknown>>; topics?: string[]; note?: string };
type Attendees = Record<string, Record<string, number>>;

const include = { venue: true, trainers: { include: { trainer: { select: { id: true, userId: true, organisationId: true, createdAt: true } } } } } as const;

async function loadSession(db: Db, sessionId: string) {
  const s = await db.mobileSession.findUnique({ where: { id: sessionId }, include });
  if (!s) throw new AppError('NOT_FOUND', 'no such session', { messageKey: 'mobile_epn_reg_error_no_session' });
  // "The first assigned trainer": the one whose profile is oldest, a stable order.
  s.trainers.sort((a, b) => a.trainer.createdAt.getTime() - b.trainer.createdAt.getTime() || a.trainer.id.localeCompare(b.trainer.id));
  return s;
}
type Loaded = Awaited<ReturnType<typeof loadSession>>;

/**
 * A coordinator, or a trainer assigned to this session. Returns the organisation the activity is
 * recorded for: the recording trainer's, or for a coordinator the first assigned trainer's.
 */
async function requireRecorder(db: Db, actor: Actor | null, s: Loaded): Promise<{ actor: Actor; organisationId: string | null; coordinator: boolean }> {
  const a = requireActor(actor);
  if (isCoordinator(a)) {
    const own = await db.mobileTrainer.findUnique({ where: { userId: a.id } });
    const mine = own && s.trainers.find((t) => t.trainer.id === own.id);
    return { actor: a, organisationId: mine ? mine.trainer.organisationId : (s.trainers[0]?.trainer.organisationId ?? null), coordinator: true };
  }
  const trainer = await trainerOf(db, a);
  const assigned = s.trainers.find((t) => t.trainer.id === trainer.id);
  if (!assigned) throw new AppError('FORBIDDEN', 'not a trainer of this session');
  return { actor: a, organisationId: trainer.organisationId, coordinator: false };
}

/** The attendance form's data: the session, its registrations and what was recorded before. */
export async function getAttendance({ db, actor, sessionId, locale, bridges, now = new Date() }: { db: Db; actor: Actor | null; sessionId: string; locale: string; bridges?: Bridges | undefined; now?: Date }) {
  const s = await loadSession(db, sessionId);
  await requireRecorder(db, actor, s);
  const regs = await db.mobileRegistration.findMany({ where: { sessionId, status: { in: ['registered', 'waiting'] } }, orderBy: [{ status: 'asc' }, { queuedAt: 'asc' }, { id: 'asc' }] });
  const showAddress = maySeeAddress(actor, s.venue, s.trainers.map((t) => t.trainer.userId));
  return {
    session: {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      topic: s.topic,
      language: s.language,
      group: s.group,
      status: s.status,
      commune: communeName(s.venue.communeNis, locale) ?? s.venue.communeNis,
      venueName: showAddress ? s.venue.name : null,
      street: showAddress ? s.venue.street : null
    },
    started: s.startsAt.getTime() <= now.getTime(),
    registrations: regs.map((r) => ({ id: r.id, name: r.name, status: r.status, ageBand: r.ageBand, gender: r.gender, attended: r.attended })),
    recorded: s.attendanceAt ? { at: s.attendanceAt, walkIns: (s.walkIns ?? {}) as Attendees, topics: s.topicsCovered, note: s.attendanceNote } : null,
    /** epn-survey is on: the activity report will be sent. */
    reportAvailable: !!bridges?.recordMobileActivity
  };
}

export type ActivityOutcome = 'sent' | 'no_attendees' | 'unavailable' | 'no_organisation' | 'failed';

/**
 * Records (or corrects) a session's attendance, then its activity report in epn-survey. Bad input
 * changes nothing. Zero attendees is allowed: then no activity report is sent.
 */
export async function recordAttendance({ db, actor, sessionId, input, bridges, now = new Date() }: { db: Db; actor: Actor | null; sessionId: string; input: TAttendance | LooseAttendance; bridges?: Bridges | undefined; now?: Date }) {
  const s = await loadSession(db, sessionId);
  const who = await requireRecorder(db, actor, s);
  if (s.status !== 'scheduled') throw new AppError('CONFLICT', 'session cancelled', { messageKey: 'mobile_epn_att_error_cancelled' });
  if (s.startsAt.getTime() > now.getTime()) throw new AppError('CONFLICT', 'session not started', { messageKey: 'mobile_epn_att_error_not_started' });
  const data = validate(ZAttendance, input);

  const regs = await db.mobileRegistration.findMany({ where: { sessionId, status: { in: ['registered', 'waiting'] } } });
  const byId = new Map(regs.map((r) => [r.id, r]));
  const fieldErrors: Record<string, string> = {};
  const present = new Map<string, { ageBand: string; gender: string }>();
  for (const p of data.present) {
    const r = byId.get(p.registrationId);
    if (!r) {
      fieldErrors[`present.${p.registrationId}`] = 'mobile_epn_att_error_registration';
      continue;
    }
    const ageBand = p.ageBand ?? r.ageBand;
    const gender = p.gender ?? r.gender;
    if (!ageBand) fieldErrors[`present.${r.id}.ageBand`] ??= 'mobile_epn_att_error_age_band';
    if (!gender) fieldErrors[`present.${r.id}.gender`] ??= 'mobile_epn_att_error_gender';
    if (ageBand && gender) present.set(r.id, { ageBand, gender });
  }
  if (Object.keys(fieldErrors).length) throw new AppError('VALIDATION', 'attendance incomplete', { fieldErrors });

  // Anonymous counts, age band then gender, in list order.
  const attendees: Attendees = {};
  const add = (band: string, gender: string, n: number) => {
    if (n > 0) (attendees[band] ??= {})[gender] = (attendees[band]?.[gender] ?? 0) + n;
  };
  for (const p of present.values()) add(p.ageBand, p.gender, 1);
  const walkIns: Attendees = {};
  for (const band of AGE_BANDS)
    for (const g of GENDERS) {
      const n = data.walkIns[band]?.[g] ?? 0;
      if (n > 0) (walkIns[band] ??= {})[g] = n;
      add(band, g, n);
    }
  const ordered: Attendees = {};
  for (const band of AGE_BANDS) for (const g of GENDERS) if (attendees[band]?.[g]) (ordered[band] ??= {})[g] = attendees[band]![g]!;
  const total = Object.values(ordered).reduce((sum, byG) => sum + Object.values(byG).reduce((a, b) => a + b, 0), 0);
  const topics = TOPICS.filter((t) => data.topics.includes(t));

  const a = who.actor;
  await db.$transaction(async (tx) => {
    for (const r of regs) {
      const p = present.get(r.id);
      await tx.mobileRegistration.update({ where: { id: r.id }, data: p ? { attended: true, ageBand: p.ageBand, gender: p.gender } : { attended: false } });
    }
    await tx.mobileSession.update({ where: { id: sessionId }, data: { attendanceAt: now, attendanceById: a.id, walkIns, topicsCovered: topics, attendanceNote: data.note } });
    await audit({ db: tx, actorId: a.id, action: s.attendanceAt ? 'mobile-epn.attendance.correct' : 'mobile-epn.attendance.record', targetType: 'mobile-epn.session', targetId: sessionId, data: { present: present.size, walkIns: total - present.size } });
  });

  let activity: ActivityOutcome;
  let activityId: string | null = null;
  const bridge = bridges?.recordMobileActivity;
  if (total === 0) activity = 'no_attendees';
  else if (!bridge) activity = 'unavailable';
  else if (!who.organisationId) activity = 'no_organisation';
  else {
    const report: MobileActivity = {
      externalRef: `mobile-epn:session:${sessionId}`,
      organisationId: who.organisationId,
      date: brusselsParts(s.startsAt).day,
      durationMinutes: Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000),
      sessionType: s.group ? 'group' : 'individual',
      topics,
      attendees: ordered,
      note: data.note
    };
    try {
      activityId = (await bridge({ db, actor: a, activity: report })).id;
      activity = 'sent';
    } catch (e) {
      // The attendance is kept; the page says the report was not sent, and recording again retries.
      console.warn(`[mobile-epn] activity report for session ${sessionId} not recorded: ${(e as Error).message}`);
      activity = 'failed';
    }
  }
  return { present: present.size, walkIns: total - present.size, total, activity, activityId };
}
