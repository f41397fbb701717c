import { authedProcedure } from '@passerelle/trpc';
import { setFollow } from '../../services/results.ts';
import { ZFollow } from '../schemas.ts';

/** Anyone signed in can follow an idea (and get its updates by email if they opted in). */
export const follow = authedProcedure.input(ZFollow).mutation(({ ctx, input }) => setFollow({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId, follow: input.follow }));
