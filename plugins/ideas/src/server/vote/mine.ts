import { publicProcedure } from '@passerelle/trpc';
import { myBallot } from '../../services/votes.ts';
import { ZMyBallot } from '../schemas.ts';

/** The visitor's own votes (empty for someone not signed in). */
export const mine = publicProcedure.input(ZMyBallot).query(({ ctx, input }) => myBallot({ db: ctx.db, actor: ctx.actor, consultationId: input.consultationId }));
