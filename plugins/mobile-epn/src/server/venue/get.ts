import { withPermission } from '@passerelle/trpc';
import { getVenue } from '../../services/venues.ts';
import { ZVenueId } from './schemas.ts';

export const get = withPermission('mobile-epn.schedule.manage')
  .input(ZVenueId)
  .query(({ ctx, input }) => getVenue({ db: ctx.db, actor: ctx.actor, id: input.id, locale: ctx.locale }));
