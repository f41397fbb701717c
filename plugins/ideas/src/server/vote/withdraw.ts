import { withPermission } from '@passerelle/trpc';
import { withdrawVote } from '../../services/votes.ts';
import { ZWithdrawVote } from '../schemas.ts';

export const withdraw = withPermission('ideas.vote.cast')
  .input(ZWithdrawVote)
  .mutation(({ ctx, input }) => withdrawVote({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId }));
