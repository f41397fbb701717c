import type { Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { AppError } from '@passerelle/trpc';
import { currentPhase, phaseIndex } from './phases.ts';

// Staff choose the finalists (with the jury ranking as a guide) and publish the shortlist; the public
// vote is on the finalists only.

export async function setFinalist({ db, actorId, ideaId, finalist, now = new Date() }: { db: Db; actorId: string; ideaId: string; finalist: boolean; now?: Date }) {
  await db.$transaction(async (tx) => {
    const idea = await tx.ideasIdea.findUnique({ where: { id: ideaId }, include: { consultation: true } });
    if (!idea) throw new AppError('NOT_FOUND');
    const c = idea.consultation;
    if (c.shortlistPublishedAt) throw new AppError('CONFLICT', 'shortlist published', { messageKey: 'ideas_error_shortlist_published' });
    if (phaseIndex(currentPhase(c, now)) < phaseIndex('review')) throw new AppError('CONFLICT', 'too early', { messageKey: 'ideas_error_shortlist_too_early' });
    if (finalist) {
      if (idea.status !== 'published') throw new AppError('CONFLICT', 'not published', { messageKey: 'ideas_error_idea_hidden' });
      const count = await tx.ideasIdea.count({ where: { consultationId: c.id, finalist: true, id: { not: ideaId } } });
      if (count >= c.finalistCount) throw new AppError('CONFLICT', 'too many finalists', { messageKey: 'ideas_error_too_many_finalists', params: { max: c.finalistCount } });
    }
    await tx.ideasIdea.update({ where: { id: ideaId }, data: { finalist } });
    await audit({ db: tx as Db, actorId, action: finalist ? 'ideas.shortlist.add' : 'ideas.shortlist.remove', targetType: 'ideas.idea', targetId: ideaId });
  });
}

export async function publishShortlist({ db, actorId, consultationId, now = new Date() }: { db: Db; actorId: string; consultationId: string; now?: Date }) {
  await db.$transaction(async (tx) => {
    const c = await tx.ideasConsultation.findUnique({ where: { id: consultationId } });
    if (!c) throw new AppError('NOT_FOUND');
    if (c.shortlistPublishedAt) return;
    if (phaseIndex(currentPhase(c, now)) < phaseIndex('review')) throw new AppError('CONFLICT', 'too early', { messageKey: 'ideas_error_shortlist_too_early' });
    const count = await tx.ideasIdea.count({ where: { consultationId, finalist: true } });
    if (count === 0) throw new AppError('CONFLICT', 'no finalist', { messageKey: 'ideas_error_no_finalist' });
    await tx.ideasConsultation.update({ where: { id: consultationId }, data: { shortlistPublishedAt: now } });
    await audit({ db: tx as Db, actorId, action: 'ideas.shortlist.publish', targetType: 'ideas.consultation', targetId: consultationId, data: { finalists: count } });
  });
}
