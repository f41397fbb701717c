import { withPermission } from '@passerelle/trpc';
import { addCategory as add } from '../../services/consultations.ts';
import { ZAddCategory } from '../schemas.ts';

export const addCategory = withPermission('ideas.consultation.manage')
  .input(ZAddCategory)
  .mutation(async ({ ctx, input }) => {
    const cat = await add({ db: ctx.db, actorId: ctx.actor.id, consultationId: input.consultationId, name: input.name });
    return { id: cat.id };
  });
