import { withPermission } from '@passerelle/trpc';
import { removeJuror as remove } from '../../services/jury.ts';
import { ZRemoveJuror } from '../schemas.ts';

export const removeJuror = withPermission('ideas.consultation.manage')
  .input(ZRemoveJuror)
  .mutation(async ({ ctx, input }) => {
    await remove({ db: ctx.db, actorId: ctx.actor.id, consultationId: input.consultationId, userId: input.userId });
    return { removed: input.userId };
  });
