import { publicProcedure } from '@passerelle/trpc';
import { consumeRateLimit, renderMail, signUp as signUpService } from '@passerelle/auth';
import { ZSignUpInput } from './schemas.ts';

/** Creates an unverified account and emails a verification link. */
export const signUp = publicProcedure.input(ZSignUpInput).mutation(async ({ ctx, input }) => {
  await consumeRateLimit({ db: ctx.db, limiter: 'signup', key: ctx.ip ?? 'unknown' });
  const { user, token } = await signUpService({ db: ctx.db, ...input });
  const link = `${ctx.origin}/${input.locale}/verify-email?token=${token}`;
  await ctx.sendMail({ to: user.email, ...renderMail({ kind: 'verify_email', locale: input.locale, link, displayName: user.displayName }) });
  return { email: user.email };
});
