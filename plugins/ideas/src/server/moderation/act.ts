import { withPermission } from '@passerelle/trpc';
import { moderate } from '../../services/comments.ts';
import { notify } from '../../services/notifications.ts';
import { ZModerate } from '../schemas.ts';

/** Hide, restore or dismiss reports on an idea or a comment, with a reason (audit log; shown to the author). */
export const act = withPermission('ideas.moderation.manage')
  .input(ZModerate)
  .mutation(async ({ ctx, input }) => {
    await moderate({ db: ctx.db, actorId: ctx.actor.id, target: input.target, action: input.action, reason: input.reason });
    if (input.target.kind === 'idea' && input.action !== 'dismiss') {
      const idea = await ctx.db.ideasIdea.findUnique({ where: { id: input.target.id }, select: { number: true, title: true, authorId: true, consultation: { select: { slug: true } } } });
      if (idea?.authorId) {
        const key = input.action === 'hide' ? 'hidden' : 'restored';
        await notify({ db: ctx.db, origin: ctx.origin, sendMail: ctx.sendMail, notice: { kind: 'status', userIds: [idea.authorId], subjectKey: `ideas_mail_${key}_subject`, textKey: `ideas_mail_${key}_text`, params: { title: idea.title, reason: input.reason }, path: `/ideas/${idea.consultation.slug}/${idea.number}` } });
      }
    }
    return { done: input.action };
  });
