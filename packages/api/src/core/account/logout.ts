import { authedProcedure } from '@passerelle/trpc';
import { invalidateSession } from '@passerelle/auth';

export const logout = authedProcedure.mutation(async ({ ctx }) => {
  if (ctx.sessionId) await invalidateSession({ db: ctx.db, sessionId: ctx.sessionId });
  ctx.setSessionToken?.(null);
  return { ok: true };
});
