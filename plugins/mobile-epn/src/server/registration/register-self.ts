import { withPermission } from '@passerelle/trpc';
import { registerSelf as registerSelfService } from '../../services/registrations.ts';
import { ZSessionInput } from './session.ts';

/** A signed-in citizen registers themself for a public group workshop. */
export const registerSelf = withPermission('mobile-epn.registration.manage')
  .input(ZSessionInput)
  .mutation(({ ctx, input }) => registerSelfService({ db: ctx.db, actor: ctx.actor, sessionId: input.sessionId }));
