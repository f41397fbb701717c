import { withPermission } from '@passerelle/trpc';
import { moderate } from '../../services/comments.ts';
import { ZModerate } from '../schemas.ts';

/** Hide, restore or dismiss reports on an idea or a comment, with a reason (audit log; shown to the author). */
export const act = withPermission('ideas.moderation.manage')
  .input(ZModerate)
  .mutation(async ({ ctx, input }) => {
    await moderate({ db: ctx.db, actorId: ctx.actor.id, target: input.target, action: input.action, reason: input.reason });
    return { done: input.action };
  });
