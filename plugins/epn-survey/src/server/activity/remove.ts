import { withPermission } from '@passerelle/trpc';
import { deleteActivity } from '../../services/activity.ts';
import { ZId } from '../schemas.ts';

export const remove = withPermission('epn-survey.activity.record')
  .input(ZId)
  .mutation(async ({ ctx, input }) => {
    await deleteActivity({ db: ctx.db, actor: ctx.actor, id: input.id });
    return { id: input.id };
  });
