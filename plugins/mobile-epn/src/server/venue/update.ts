import { withPermission } from '@passerelle/trpc';
import { updateVenue } from '../../services/venues.ts';
import { ZUpdateVenue } from './schemas.ts';

export const update = withPermission('mobile-epn.schedule.manage')
  .input(ZUpdateVenue)
  .mutation(({ ctx, input }) => updateVenue({ db: ctx.db, actor: ctx.actor, id: input.id, input: input.venue }));
