import { authedProcedure } from '@passerelle/trpc';
import { consumeLoginAttempt, deleteAccount as deleteService } from '@passerelle/auth';
import { ZDeleteAccountInput } from './schemas.ts';

/** Deletes the caller's account after checking their password; public contributions stay, anonymised. */
export const deleteAccount = authedProcedure.input(ZDeleteAccountInput).mutation(async ({ ctx, input }) => {
  // The password check is rate-limited like a login, so a stolen session cannot guess the password.
  await consumeLoginAttempt({ db: ctx.db, email: ctx.actor.email, ip: ctx.ip });
  await deleteService({ db: ctx.db, userId: ctx.actor.id, password: input.password });
  ctx.setSessionToken?.(null);
  return { deleted: true };
});
