import { publicProcedure } from '@passerelle/trpc';
import { consumeRateLimit, renderMail, requestPasswordReset as requestService } from '@passerelle/auth';
import { ZEmailInput } from './schemas.ts';

/** Emails a reset link when the address has an account; the answer never says whether it has. */
export const requestPasswordReset = publicProcedure.input(ZEmailInput).mutation(async ({ ctx, input }) => {
  await consumeRateLimit({ db: ctx.db, limiter: 'resetIp', key: ctx.ip ?? 'unknown' });
  await consumeRateLimit({ db: ctx.db, limiter: 'reset', key: input.email });
  const result = await requestService({ db: ctx.db, email: input.email });
  if (result) {
    const link = `${ctx.origin}/${result.locale}/reset-password?token=${result.token}`;
    await ctx.sendMail({ to: input.email, ...renderMail({ kind: 'reset_password', locale: result.locale, link }) });
  }
  return { sent: true };
});
