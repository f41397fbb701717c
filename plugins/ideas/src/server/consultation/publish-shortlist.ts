import { withPermission } from '@passerelle/trpc';
import { notify } from '../../services/notifications.ts';
import { publishShortlist as publish } from '../../services/shortlist.ts';
import { ZPublishShortlist } from '../schemas.ts';

/** Publishes the finalists; their authors who opted in are told by email. */
export const publishShortlist = withPermission('ideas.consultation.manage')
  .input(ZPublishShortlist)
  .mutation(async ({ ctx, input }) => {
    await publish({ db: ctx.db, actorId: ctx.actor.id, consultationId: input.consultationId });
    const finalists = await ctx.db.ideasIdea.findMany({ where: { consultationId: input.consultationId, finalist: true }, select: { number: true, title: true, authorId: true, consultation: { select: { slug: true } } } });
    for (const f of finalists) {
      if (f.authorId) await notify({ db: ctx.db, origin: ctx.origin, sendMail: ctx.sendMail, notice: { kind: 'status', userIds: [f.authorId], subjectKey: 'ideas_mail_finalist_subject', textKey: 'ideas_mail_finalist_text', params: { title: f.title }, path: `/ideas/${f.consultation.slug}/${f.number}` } });
    }
    return { published: true };
  });
