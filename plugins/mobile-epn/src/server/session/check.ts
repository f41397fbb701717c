import { withPermission } from '@passerelle/trpc';
import { checkProposal, ZSessionInput } from '../../services/sessions.ts';

/** The conflicts of a proposal (one session or a series), explained; nothing is written. */
export const check = withPermission('mobile-epn.schedule.manage')
  .input(ZSessionInput)
  .query(({ ctx, input }) => checkProposal({ db: ctx.db, actor: ctx.actor, input }));
