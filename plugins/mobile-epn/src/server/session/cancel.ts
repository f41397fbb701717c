import { withPermission } from '@passerelle/trpc';
import { cancelSession, ZSessionCancel } from '../../services/sessions.ts';

/** Cancels a session with a reason; everyone affected is emailed in their own language. */
export const cancel = withPermission('mobile-epn.schedule.manage')
  .input(ZSessionCancel)
  .mutation(({ ctx, input }) => cancelSession({ db: ctx.db, actor: ctx.actor, input, sendMail: ctx.sendMail, origin: ctx.origin }));
