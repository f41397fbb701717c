import { withPermission } from '@passerelle/trpc';
import { castVote } from '../../services/votes.ts';
import { ZCastVote } from '../schemas.ts';

export const cast = withPermission('ideas.vote.cast')
  .input(ZCastVote)
  .mutation(({ ctx, input }) => castVote({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId, count: input.count }));
