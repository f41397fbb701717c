import { publicProcedure } from '@passerelle/trpc';
import { verifyEmail as verifyEmailService } from '@passerelle/auth';
import { ZTokenInput } from './schemas.ts';

export const verifyEmail = publicProcedure.input(ZTokenInput).mutation(async ({ ctx, input }) => {
  await verifyEmailService({ db: ctx.db, token: input.token });
  return { verified: true };
});
