import { publicProcedure } from '@passerelle/trpc';
import { consumeEmailRequest, renderMail, requestPasswordReset as requestService } from '@passerelle/auth';
import { ZEmailInput } from './schemas.ts';

/** Emails a reset link when the address has an account; the answer never says whether it has. */
export const requestPasswordReset = publicProcedure.input(ZEmailInput).mutation(async ({ ctx, input }) => {
  await consumeEmailRequest({ db: ctx.db, email: input.email, ip: ctx.ip });
  const result = await requestService({ db: ctx.db, email: input.email });
  if (result) {
    const link = `${ctx.origin}/${result.locale}/reset-password?token=${result.token}`;
    await ctx.sendMail({ to: result.email, ...renderMail({ kind: 'reset_password', locale: result.locale, link, displayName: result.displayName }) });
  }
  return { sent: true };
});
