import { authedProcedure } from '@passerelle/trpc';
import { declareConflict as declare } from '../../services/jury.ts';
import { ZConflict } from '../schemas.ts';

export const declareConflict = authedProcedure
  .meta({ access: 'authed', scoped: true })
  .input(ZConflict)
  .mutation(async ({ ctx, input }) => {
    await declare({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId, conflict: input.conflict });
    return { ideaId: input.ideaId, conflict: input.conflict };
  });
