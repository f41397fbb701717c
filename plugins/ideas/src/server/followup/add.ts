import { withPermission } from '@passerelle/trpc';
import { notify } from '../../services/notifications.ts';
import { addUpdate } from '../../services/results.ts';
import { ZAddUpdate } from '../schemas.ts';

/** Staff post a dated step of a winner's follow-up; followers and the author who opted in get an email. */
export const add = withPermission('ideas.consultation.manage')
  .input(ZAddUpdate)
  .mutation(async ({ ctx, input }) => {
    const { idea } = await addUpdate({ db: ctx.db, actorId: ctx.actor.id, ...input });
    const [consultation, followers] = await Promise.all([
      ctx.db.ideasConsultation.findUniqueOrThrow({ where: { id: idea.consultationId }, select: { slug: true } }),
      ctx.db.ideasFollow.findMany({ where: { ideaId: idea.id }, select: { userId: true } })
    ]);
    const path = `/ideas/${consultation.slug}/${idea.number}`;
    const stage = ctx.translate(`ideas_stage_${input.stage}`);
    await notify({ db: ctx.db, origin: ctx.origin, sendMail: ctx.sendMail, notice: { kind: 'followed', userIds: followers.map((f) => f.userId).filter((id) => id !== idea.authorId), subjectKey: 'ideas_mail_update_subject', textKey: 'ideas_mail_update_text', params: { title: idea.title, stage }, path } });
    if (idea.authorId) await notify({ db: ctx.db, origin: ctx.origin, sendMail: ctx.sendMail, notice: { kind: 'status', userIds: [idea.authorId], subjectKey: 'ideas_mail_update_subject', textKey: 'ideas_mail_update_text', params: { title: idea.title, stage }, path } });
    return { added: true };
  });
