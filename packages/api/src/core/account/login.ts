import { publicProcedure } from '@passerelle/trpc';
import { consumeLoginAttempt, createSession, invalidateSession, login as loginService, resetLoginAttempts } from '@passerelle/auth';
import { ZLoginInput } from './schemas.ts';

/** Checks the password, then starts a NEW session (rotation: the previous cookie's session is ended). */
export const login = publicProcedure.input(ZLoginInput).mutation(async ({ ctx, input }) => {
  await consumeLoginAttempt({ db: ctx.db, email: input.email, ip: ctx.ip });
  const { user } = await loginService({ db: ctx.db, email: input.email, password: input.password });
  await resetLoginAttempts({ db: ctx.db, email: input.email, ip: ctx.ip });
  if (ctx.sessionId) await invalidateSession({ db: ctx.db, sessionId: ctx.sessionId });
  const session = await createSession({ db: ctx.db, userId: user.id });
  ctx.setSessionToken?.(session.token, session.expiresAt);
  return { userId: user.id, locale: user.locale };
});
