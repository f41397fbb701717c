import { withPermission } from '@passerelle/trpc';
import { createVenue } from '../../services/venues.ts';
import { ZCreateVenue } from './schemas.ts';

export const create = withPermission('mobile-epn.schedule.manage')
  .input(ZCreateVenue)
  .mutation(({ ctx, input }) => createVenue({ db: ctx.db, actor: ctx.actor, input: input.venue }));
