import { AppError, publicProcedure } from '@passerelle/trpc';
import { unsubscribe as off } from '../../services/notifications.ts';
import { ZUnsubscribe } from '../schemas.ts';

/** The link in every email: switches notifications off without logging in. */
export const unsubscribe = publicProcedure.input(ZUnsubscribe).mutation(async ({ ctx, input }) => {
  if (!(await off({ db: ctx.db, token: input.token, kind: input.kind }))) throw new AppError('TOKEN_INVALID');
  return { unsubscribed: input.kind };
});
