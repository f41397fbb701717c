import { withPermission } from '@passerelle/trpc';
import { mergeIdeas } from '../../services/ideas.ts';
import { ZMerge } from '../schemas.ts';

export const merge = withPermission('ideas.consultation.manage')
  .input(ZMerge)
  .mutation(async ({ ctx, input }) => {
    await mergeIdeas({ db: ctx.db, actorId: ctx.actor.id, duplicateId: input.duplicateId, keptId: input.keptId });
    return { merged: input.duplicateId };
  });
