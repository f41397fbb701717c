import { withPermission } from '@passerelle/trpc';
import { notify } from '../../services/notifications.ts';
import { pick } from '../../services/localized.ts';
import { publishResults } from '../../services/results.ts';
import { ZPublishResults } from '../schemas.ts';

/** Staff announce the winners once the vote is over; authors who opted in are told by email. */
export const publish = withPermission('ideas.consultation.manage')
  .input(ZPublishResults)
  .mutation(async ({ ctx, input }) => {
    const c = await publishResults({ db: ctx.db, actorId: ctx.actor.id, consultationId: input.consultationId, winnerIds: input.winnerIds });
    const winners = await ctx.db.ideasIdea.findMany({ where: { id: { in: input.winnerIds } }, select: { number: true, title: true, authorId: true } });
    for (const w of winners) {
      if (!w.authorId) continue;
      await notify({
        db: ctx.db,
        origin: ctx.origin,
        sendMail: ctx.sendMail,
        notice: { kind: 'status', userIds: [w.authorId], subjectKey: 'ideas_mail_winner_subject', textKey: 'ideas_mail_winner_text', params: { title: w.title, consultation: pick(c.title, ctx.locale) }, path: `/ideas/${c.slug}/${w.number}` }
      });
    }
    return { published: true };
  });
