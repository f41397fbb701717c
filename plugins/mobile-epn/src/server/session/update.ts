import { withPermission } from '@passerelle/trpc';
import { updateSession, ZSessionUpdate } from '../../services/sessions.ts';

/** New time, trainers, kit, seats or venue: re-checked like a new session (itself excluded). */
export const update = withPermission('mobile-epn.schedule.manage')
  .input(ZSessionUpdate)
  .mutation(({ ctx, input }) => updateSession({ db: ctx.db, actor: ctx.actor, input, sendMail: ctx.sendMail, origin: ctx.origin }));
