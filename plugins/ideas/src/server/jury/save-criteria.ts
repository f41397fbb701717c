import { withPermission } from '@passerelle/trpc';
import { saveCriteria as save } from '../../services/jury.ts';
import { ZSaveCriteria } from '../schemas.ts';

export const saveCriteria = withPermission('ideas.consultation.manage')
  .input(ZSaveCriteria)
  .mutation(async ({ ctx, input }) => {
    await save({ db: ctx.db, actorId: ctx.actor.id, consultationId: input.consultationId, criteria: input.criteria });
    return { saved: input.criteria.length };
  });
