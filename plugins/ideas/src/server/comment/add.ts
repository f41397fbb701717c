import { withPermission } from '@passerelle/trpc';
import { addComment } from '../../services/comments.ts';
import { notify } from '../../services/notifications.ts';
import { ZAddComment } from '../schemas.ts';

/** A comment or a reply; the author of the comment replied to is told by email if they opted in. */
export const add = withPermission('ideas.comment.write')
  .input(ZAddComment)
  .mutation(async ({ ctx, input }) => {
    const created = await addComment({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId, parentId: input.parentId ?? null, body: input.body });
    if (input.parentId) {
      const parent = await ctx.db.ideasComment.findUnique({ where: { id: input.parentId }, select: { authorId: true, idea: { select: { number: true, title: true, consultation: { select: { slug: true } } } } } });
      if (parent?.authorId && parent.authorId !== ctx.actor.id) {
        await notify({
          db: ctx.db,
          origin: ctx.origin,
          sendMail: ctx.sendMail,
          notice: { kind: 'reply', userIds: [parent.authorId], subjectKey: 'ideas_mail_reply_subject', textKey: 'ideas_mail_reply_text', params: { title: parent.idea.title, name: ctx.actor.displayName }, path: `/ideas/${parent.idea.consultation.slug}/${parent.idea.number}#comment-${created.id}` }
        });
      }
    }
    return created;
  });
