import { publicProcedure } from '@passerelle/trpc';
import { isFollowing } from '../../services/results.ts';
import { ZIdeaRef } from '../schemas.ts';

export const following = publicProcedure.input(ZIdeaRef).query(({ ctx, input }) => isFollowing({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId }));
