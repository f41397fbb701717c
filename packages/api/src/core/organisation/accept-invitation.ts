import { authedProcedure } from '@passerelle/trpc';
import { acceptInvitation as acceptService } from '@passerelle/auth';
import { ZAcceptInvitationInput } from './schemas.ts';

export const acceptInvitation = authedProcedure.input(ZAcceptInvitationInput).mutation(async ({ ctx, input }) => {
  const { organisationId } = await acceptService({ db: ctx.db, token: input.token, userId: ctx.actor.id });
  return { organisationId };
});
