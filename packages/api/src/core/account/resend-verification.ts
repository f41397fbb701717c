import { publicProcedure } from '@passerelle/trpc';
import { consumeRateLimit, renderMail, resendVerification as resendService } from '@passerelle/auth';
import { ZEmailInput } from './schemas.ts';

/** Sends a new verification link; answers the same whether or not the address has an account. */
export const resendVerification = publicProcedure.input(ZEmailInput).mutation(async ({ ctx, input }) => {
  await consumeRateLimit({ db: ctx.db, limiter: 'reset', key: input.email });
  const result = await resendService({ db: ctx.db, email: input.email });
  if (result) {
    const link = `${ctx.origin}/${result.locale}/verify-email?token=${result.token}`;
    await ctx.sendMail({ to: input.email, ...renderMail({ kind: 'verify_email', locale: result.locale, link }) });
  }
  return { sent: true };
});
