import { withPermission } from '@passerelle/trpc';
import { updatePlace } from '../../services/places.ts';
import { ZUpdatePlace } from '../schemas.ts';

export const update = withPermission('epn-survey.place.manage')
  .input(ZUpdatePlace)
  .mutation(({ ctx, input }) => updatePlace({ db: ctx.db, actor: ctx.actor, id: input.id, input: input.place }));
