import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { ZCommuneNis, checkCategory, ideaColumns, insertIdea, type IdeaFields } from './ideas.ts';
import { lockKey } from './locks.ts';
import { currentPhase } from './phases.ts';
import { startOfBrusselsDay } from '@passerelle/plugin-sdk/time';
import { requireVoteOpen } from './votes.ts';

// Mediator-assisted participation: an association member at an EPN records an idea or a vote for a
// citizen without an account. Only the citizen's initials, year of birth and commune are kept, with
// their consent. Such contributions are flagged, counted apart, and limited per mediator per day.

export const ZCitizen = z.object({
  initials: z
    .string()
    .trim()
    .min(1)
    .max(5)
    .regex(/^[\p{L}][\p{L}.\- ]*$/u),
  birthYear: z.coerce
    .number()
    .int()
    .min(1900)
    .max(new Date().getUTCFullYear() - 10),
  communeNis: ZCommuneNis,
  consent: z.literal(true)
});
export type MediatedCitizen = z.infer<typeof ZCitizen>;

const TX = { maxWait: 30_000, timeout: 30_000 } as const;

function organisationOf(actor: Actor, staff: boolean, organisationId?: string | null): string | null {
  if (organisationId) {
    if (!staff && !actor.memberships.some((m) => m.organisationId === organisationId)) throw new AppError('FORBIDDEN', 'not a member', { messageKey: 'ideas_error_not_member' });
    return organisationId;
  }
  return actor.memberships[0]?.organisationId ?? null;
}

/** Records the mediation row after checking the mediator's daily limit (serialised per mediator). */
async function recordMediation(tx: Db, { actor, organisationId, kind, citizen, limit, now }: { actor: Actor; organisationId: string | null; kind: 'idea' | 'vote'; citizen: MediatedCitizen; limit: number; now: Date }) {
  await lockKey(tx, `ideas-mediator:${actor.id}`);
  const today = await tx.ideasMediation.count({ where: { mediatorId: actor.id, createdAt: { gte: startOfBrusselsDay(now) } } });
  if (today >= limit) throw new AppError('RATE_LIMITED', 'mediator daily limit', { messageKey: 'ideas_error_mediator_limit', params: { max: limit } });
  return tx.ideasMediation.create({
    data: { mediatorId: actor.id, organisationId, kind, initials: citizen.initials.toUpperCase(), birthYear: citizen.birthYear, communeNis: citizen.communeNis, consentAt: now }
  });
}

async function loadConsultation(db: Db, consultationId: string) {
  const c = await db.ideasConsultation.findUnique({ where: { id: consultationId } });
  if (!c) throw new AppError('NOT_FOUND');
  if (!c.allowMediated) throw new AppError('CONFLICT', 'mediation not allowed', { messageKey: 'ideas_error_mediation_off' });
  return c;
}

export async function recordMediatedIdea({ db, actor, staff, consultationId, organisationId, citizen, fields, now = new Date() }: { db: Db; actor: Actor; staff: boolean; consultationId: string; organisationId?: string | null; citizen: MediatedCitizen; fields: IdeaFields; now?: Date }) {
  const c = await loadConsultation(db, consultationId);
  if (currentPhase(c, now) !== 'submission') throw new AppError('CONFLICT', 'submission closed', { messageKey: 'ideas_error_submission_closed' });
  await checkCategory(db, consultationId, fields.categoryId);
  const org = organisationOf(actor, staff, organisationId);
  const idea = await insertIdea(
    db,
    async (tx) => {
      const mediation = await recordMediation(tx, { actor, organisationId: org, kind: 'idea', citizen, limit: c.mediatedDailyLimit, now });
      return { ...ideaColumns(fields), consultationId, showAuthorName: false, mediationId: mediation.id };
    },
    (tx, created) => audit({ db: tx, actorId: actor.id, action: 'ideas.mediation.idea', targetType: 'ideas.idea', targetId: created.id, data: { organisationId: org } }).then(() => undefined),
    TX
  );
  return { id: idea.id, number: idea.number };
}

export const ZMediatedVotes = z
  .array(z.object({ ideaId: z.string().min(1).max(64), count: z.number().int().min(1).max(50).default(1) }))
  .min(1)
  .max(50);

/** A whole ballot for a citizen without an account, recorded at once. */
export async function recordMediatedVote({ db, actor, staff, consultationId, organisationId, citizen, votes, now = new Date() }: { db: Db; actor: Actor; staff: boolean; consultationId: string; organisationId?: string | null; citizen: MediatedCitizen; votes: { ideaId: string; count: number }[]; now?: Date }) {
  const c = await loadConsultation(db, consultationId);
  requireVoteOpen(c, now);
  const ids = [...new Set(votes.map((v) => v.ideaId))];
  if (ids.length !== votes.length) throw new AppError('VALIDATION', 'duplicate idea', { messageKey: 'ideas_error_one_vote_per_idea' });
  const finalists = await db.ideasIdea.count({ where: { id: { in: ids }, consultationId, finalist: true, status: 'published' } });
  if (finalists !== ids.length) throw new AppError('CONFLICT', 'not a finalist', { messageKey: 'ideas_error_not_finalist' });
  if (!c.allowSeveralVotesPerIdea && votes.some((v) => v.count > 1)) throw new AppError('VALIDATION', 'one vote per idea', { messageKey: 'ideas_error_one_vote_per_idea' });
  const total = votes.reduce((a, v) => a + v.count, 0);
  if (total > c.voteBudget) throw new AppError('CONFLICT', 'budget exceeded', { messageKey: 'ideas_error_budget_exceeded', params: { budget: c.voteBudget, left: c.voteBudget } });
  const org = organisationOf(actor, staff, organisationId);
  return db.$transaction(async (tx) => {
    const mediation = await recordMediation(tx as Db, { actor, organisationId: org, kind: 'vote', citizen, limit: c.mediatedDailyLimit, now });
    const ballot = await tx.ideasBallot.create({ data: { id: randomUUID(), consultationId, mediationId: mediation.id } });
    await tx.ideasVote.createMany({ data: votes.map((v) => ({ ballotId: ballot.id, ideaId: v.ideaId, count: v.count })) });
    await audit({ db: tx as Db, actorId: actor.id, action: 'ideas.mediation.vote', targetType: 'ideas.consultation', targetId: consultationId, data: { organisationId: org, ideas: ids.length } });
    return { ballotId: ballot.id, used: total };
  }, TX);
}

/** What a mediator recorded today, and what is left of their daily limit. */
export async function mediatorToday({ db, actor, consultationId, now = new Date() }: { db: Db; actor: Actor; consultationId: string; now?: Date }) {
  const c = await db.ideasConsultation.findUnique({ where: { id: consultationId }, select: { mediatedDailyLimit: true } });
  if (!c) throw new AppError('NOT_FOUND');
  const count = await db.ideasMediation.count({ where: { mediatorId: actor.id, createdAt: { gte: startOfBrusselsDay(now) } } });
  return { count, limit: c.mediatedDailyLimit, left: Math.max(0, c.mediatedDailyLimit - count) };
}
