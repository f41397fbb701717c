import { withPermission } from '@passerelle/trpc';
import { addComment } from '../../services/comments.ts';
import { ZAddComment } from '../schemas.ts';

export const add = withPermission('ideas.comment.write')
  .input(ZAddComment)
  .mutation(({ ctx, input }) => addComment({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId, parentId: input.parentId ?? null, body: input.body }));
