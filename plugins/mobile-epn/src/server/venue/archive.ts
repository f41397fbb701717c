import { withPermission } from '@passerelle/trpc';
import { archiveVenue } from '../../services/venues.ts';
import { ZArchiveVenue } from './schemas.ts';

/** Archive (or restore) a venue: kept for its past sessions, offered for nothing new. */
export const archive = withPermission('mobile-epn.schedule.manage')
  .input(ZArchiveVenue)
  .mutation(({ ctx, input }) => archiveVenue({ db: ctx.db, actor: ctx.actor, id: input.id, archived: input.archived }));
