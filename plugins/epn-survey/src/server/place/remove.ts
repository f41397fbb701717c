import { withPermission } from '@passerelle/trpc';
import { deletePlace } from '../../services/places.ts';
import { ZId } from '../schemas.ts';

export const remove = withPermission('epn-survey.place.manage')
  .input(ZId)
  .mutation(async ({ ctx, input }) => {
    await deletePlace({ db: ctx.db, actor: ctx.actor, id: input.id });
    return { id: input.id };
  });
