import { publicProcedure } from '@passerelle/trpc';
import { resetPassword as resetService } from '@passerelle/auth';
import { ZResetPasswordInput } from './schemas.ts';

/** Sets a new password from an emailed token; every session of the account is ended. */
export const resetPassword = publicProcedure.input(ZResetPasswordInput).mutation(async ({ ctx, input }) => {
  await resetService({ db: ctx.db, token: input.token, password: input.password });
  return { ok: true };
});
