import { withPermission } from '@passerelle/trpc';
import { requestQueue } from '../../services/requests.ts';
import { ZQueueFilters } from './schemas.ts';

/** Coordinators: new requests first, oldest first; filters by status, topic and commune. */
export const queue = withPermission('mobile-epn.schedule.manage')
  .input(ZQueueFilters)
  .query(({ ctx, input }) => requestQueue({ db: ctx.db, actor: ctx.actor, filters: input, locale: ctx.locale }));
