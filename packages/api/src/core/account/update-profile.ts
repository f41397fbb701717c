import { authedProcedure } from '@passerelle/trpc';
import { ZUpdateProfileInput } from './schemas.ts';

export const updateProfile = authedProcedure.input(ZUpdateProfileInput).mutation(async ({ ctx, input }) => {
  await ctx.db.user.update({ where: { id: ctx.actor.id }, data: { displayName: input.displayName, locale: input.locale } });
  return { ok: true };
});
