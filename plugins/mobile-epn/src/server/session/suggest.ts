import { withPermission } from '@passerelle/trpc';
import { suggestForRequest, ZSuggest } from '../../services/suggest.ts';

/** The best few conflict-free slots (start, trainer, kit) for a request. */
export const suggest = withPermission('mobile-epn.schedule.manage')
  .input(ZSuggest)
  .query(({ ctx, input }) => suggestForRequest({ db: ctx.db, actor: ctx.actor, requestId: input.requestId, limit: input.limit, gridMinutes: input.gridMinutes }));
