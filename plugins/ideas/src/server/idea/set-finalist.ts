import { withPermission } from '@passerelle/trpc';
import { setFinalist as set } from '../../services/shortlist.ts';
import { ZSetFinalist } from '../schemas.ts';

export const setFinalist = withPermission('ideas.consultation.manage')
  .input(ZSetFinalist)
  .mutation(async ({ ctx, input }) => {
    await set({ db: ctx.db, actorId: ctx.actor.id, ideaId: input.ideaId, finalist: input.finalist });
    return { ideaId: input.ideaId, finalist: input.finalist };
  });
