import { publicProcedure } from '@passerelle/trpc';
import { consumeEmailRequest, renderMail, resendVerification as resendService } from '@passerelle/auth';
import { ZEmailInput } from './schemas.ts';

/** Sends a new verification link; answers the same whether or not the address has an account. */
export const resendVerification = publicProcedure.input(ZEmailInput).mutation(async ({ ctx, input }) => {
  await consumeEmailRequest({ db: ctx.db, email: input.email, ip: ctx.ip });
  const result = await resendService({ db: ctx.db, email: input.email });
  if (result) {
    const link = `${ctx.origin}/${result.locale}/verify-email?token=${result.token}`;
    await ctx.sendMail({ to: result.email, ...renderMail({ kind: 'verify_email', locale: result.locale, link, displayName: result.displayName }) });
  }
  return { sent: true };
});
