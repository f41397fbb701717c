import { withPermission } from '@passerelle/trpc';
import { removeCategory as remove } from '../../services/consultations.ts';
import { ZById } from '../schemas.ts';

export const removeCategory = withPermission('ideas.consultation.manage')
  .input(ZById)
  .mutation(async ({ ctx, input }) => {
    await remove({ db: ctx.db, actorId: ctx.actor.id, id: input.id });
    return { removed: input.id };
  });
