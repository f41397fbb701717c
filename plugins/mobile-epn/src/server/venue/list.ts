import { withPermission } from '@passerelle/trpc';
import { listVenues } from '../../services/venues.ts';
import { ZVenueFilters } from './schemas.ts';

/** Coordinators: the venue directory, filtered (archived ones apart). */
export const list = withPermission('mobile-epn.schedule.manage')
  .input(ZVenueFilters)
  .query(({ ctx, input }) => listVenues({ db: ctx.db, actor: ctx.actor, filters: input, locale: ctx.locale }));
