import { z } from 'zod';
import type { Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError, type Actor } from '@passerelle/trpc';
import { currentPhase, phaseIndex } from './phases.ts';
import { tally } from './votes.ts';

// Results and follow-up: staff announce the winners once the vote is over, then post dated updates as
// each winner is built (selected -> in development -> prototype -> launched, or abandoned).

export const STAGES = ['selected', 'in_development', 'prototype', 'launched', 'abandoned'] as const;
export type Stage = (typeof STAGES)[number];

export const ZLinks = z.array(z.string().trim().url().max(500).refine((u) => /^https?:\/\//.test(u))).max(5);

export async function publishResults({ db, actorId, consultationId, winnerIds, now = new Date() }: { db: Db; actorId: string; consultationId: string; winnerIds: string[]; now?: Date }) {
  return db.$transaction(async (tx) => {
    const c = await tx.ideasConsultation.findUnique({ where: { id: consultationId } });
    if (!c) throw new AppError('NOT_FOUND');
    if (c.resultsPublishedAt) throw new AppError('CONFLICT', 'already published', { messageKey: 'ideas_error_results_published' });
    if (phaseIndex(currentPhase(c, now)) < phaseIndex('results')) throw new AppError('CONFLICT', 'vote still open', { messageKey: 'ideas_error_vote_still_open' });
    const winners = await tx.ideasIdea.findMany({ where: { id: { in: winnerIds }, consultationId, finalist: true, status: 'published' }, select: { id: true } });
    if (winners.length !== new Set(winnerIds).size || winners.length === 0) throw new AppError('VALIDATION', 'winners must be finalists', { messageKey: 'ideas_error_winners_finalists', fieldErrors: { winnerIds: 'ideas_error_winners_finalists' } });
    await tx.ideasIdea.updateMany({ where: { id: { in: winnerIds } }, data: { winner: true, stage: 'selected' } });
    await tx.ideasUpdate.createMany({ data: winnerIds.map((ideaId) => ({ ideaId, stage: 'selected', body: '', links: [], date: now, authorId: actorId })) });
    await tx.ideasConsultation.update({ where: { id: consultationId }, data: { resultsPublishedAt: now } });
    await audit({ db: tx as Db, actorId, action: 'ideas.results.publish', targetType: 'ideas.consultation', targetId: consultationId, data: { winners: winnerIds } });
    return c;
  });
}

/** The published results: every finalist with its votes (mediated counted apart), winners first. */
export async function results({ db, consultationId }: { db: Db; consultationId: string }) {
  const c = await db.ideasConsultation.findUnique({ where: { id: consultationId } });
  if (!c) throw new AppError('NOT_FOUND');
  const [finalists, totals] = await Promise.all([
    db.ideasIdea.findMany({ where: { consultationId, finalist: true }, select: { id: true, number: true, title: true, winner: true, stage: true }, orderBy: { number: 'asc' } }),
    tally({ db, consultationId })
  ]);
  const byIdea = new Map(totals.map((t) => [t.ideaId, t]));
  const rows = finalists.map((f) => ({ ...f, online: byIdea.get(f.id)?.online ?? 0, mediated: byIdea.get(f.id)?.mediated ?? 0, total: byIdea.get(f.id)?.total ?? 0, voters: byIdea.get(f.id)?.voters ?? 0 }));
  rows.sort((a, b) => Number(b.winner) - Number(a.winner) || b.total - a.total || a.number - b.number);
  return { publishedAt: c.resultsPublishedAt, rows, totals: { online: rows.reduce((a, r) => a + r.online, 0), mediated: rows.reduce((a, r) => a + r.mediated, 0) } };
}

export async function addUpdate({ db, actorId, ideaId, stage, body, links, date }: { db: Db; actorId: string; ideaId: string; stage: Stage; body: string; links: string[]; date: Date }) {
  return db.$transaction(async (tx) => {
    const idea = await tx.ideasIdea.findUnique({ where: { id: ideaId } });
    if (!idea) throw new AppError('NOT_FOUND');
    if (!idea.winner) throw new AppError('CONFLICT', 'not a winner', { messageKey: 'ideas_error_not_winner' });
    const update = await tx.ideasUpdate.create({ data: { ideaId, stage, body, links, date, authorId: actorId } });
    await tx.ideasIdea.update({ where: { id: ideaId }, data: { stage } });
    await audit({ db: tx as Db, actorId, action: 'ideas.followup.add', targetType: 'ideas.idea', targetId: ideaId, data: { stage } });
    return { update, idea };
  });
}

export async function timeline({ db, ideaId }: { db: Db; ideaId: string }) {
  return db.ideasUpdate.findMany({ where: { ideaId }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }], select: { id: true, stage: true, body: true, links: true, date: true } });
}

export async function setFollow({ db, actor, ideaId, follow }: { db: Db; actor: Actor; ideaId: string; follow: boolean }) {
  const idea = await db.ideasIdea.findUnique({ where: { id: ideaId }, select: { id: true } });
  if (!idea) throw new AppError('NOT_FOUND');
  if (follow) await db.ideasFollow.upsert({ where: { ideaId_userId: { ideaId, userId: actor.id } }, create: { ideaId, userId: actor.id }, update: {} });
  else await db.ideasFollow.deleteMany({ where: { ideaId, userId: actor.id } });
  return { following: follow };
}

export async function isFollowing({ db, actor, ideaId }: { db: Db; actor: Actor | null; ideaId: string }) {
  if (!actor) return false;
  return (await db.ideasFollow.count({ where: { ideaId, userId: actor.id } })) > 0;
}
