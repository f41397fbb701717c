import { authedProcedure } from '@passerelle/trpc';
import { sessionRegistrations } from '../../services/registrations.ts';
import { ZSessionInput } from './session.ts';

/** Seats and waiting list of a session: for the venue's contact, its trainers and coordinators (checked by the service). */
export const forSession = authedProcedure
  .meta({ access: 'authed', scoped: true })
  .input(ZSessionInput)
  .query(({ ctx, input }) => sessionRegistrations({ db: ctx.db, actor: ctx.actor, sessionId: input.sessionId, locale: ctx.locale }));
