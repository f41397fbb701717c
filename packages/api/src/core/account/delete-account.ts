import { authedProcedure } from '@passerelle/trpc';
import { deleteAccount as deleteService } from '@passerelle/auth';
import { ZDeleteAccountInput } from './schemas.ts';

/** Deletes the caller's account after checking their password; public contributions stay, anonymised. */
export const deleteAccount = authedProcedure.input(ZDeleteAccountInput).mutation(async ({ ctx, input }) => {
  await deleteService({ db: ctx.db, userId: ctx.actor.id, password: input.password });
  ctx.setSessionToken?.(null);
  return { deleted: true };
});
