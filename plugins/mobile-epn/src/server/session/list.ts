import { withPermission } from '@passerelle/trpc';
import { listSessions, ZSessionList } from '../../services/sessions.ts';

/** Sessions in a date range, optionally of one venue, trainer or kit (coordinators). */
export const list = withPermission('mobile-epn.schedule.manage')
  .input(ZSessionList)
  .query(({ ctx, input }) => listSessions({ db: ctx.db, actor: ctx.actor, input }));
