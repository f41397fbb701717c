import { authedProcedure } from '@passerelle/trpc';
import { scoreIdea } from '../../services/jury.ts';
import { ZScore } from '../schemas.ts';

export const score = authedProcedure
  .meta({ access: 'authed', scoped: true })
  .input(ZScore)
  .mutation(async ({ ctx, input }) => {
    await scoreIdea({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId, scores: input.scores, note: input.note });
    return { scored: input.ideaId };
  });
