import { withPermission } from '@passerelle/trpc';
import { createSessions, ZSessionInput } from '../../services/sessions.ts';

/** One session or a weekly series, all or nothing; refused (CONFLICT, with the explained list) on any conflict. */
export const create = withPermission('mobile-epn.schedule.manage')
  .input(ZSessionInput)
  .mutation(({ ctx, input }) => createSessions({ db: ctx.db, actor: ctx.actor, input }));
