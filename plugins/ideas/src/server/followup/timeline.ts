import { publicProcedure } from '@passerelle/trpc';
import { timeline as list } from '../../services/results.ts';
import { ZIdeaRef } from '../schemas.ts';

export const timeline = publicProcedure.input(ZIdeaRef).query(({ ctx, input }) => list({ db: ctx.db, ideaId: input.ideaId }));
