import { z } from 'zod';
import { authedProcedure } from '@passerelle/trpc';
import { cancelRegistration } from '../../services/registrations.ts';

export const ZCancelInput = z.object({ registrationId: z.string().min(1).max(64) });

/** Cancels a registration (the person, the venue's contact or a coordinator); the first waiting person is promoted. */
export const cancel = authedProcedure
  .meta({ access: 'authed', scoped: true })
  .input(ZCancelInput)
  .mutation(({ ctx, input }) => cancelRegistration({ db: ctx.db, actor: ctx.actor, registrationId: input.registrationId, sendMail: ctx.sendMail, origin: ctx.origin }));
