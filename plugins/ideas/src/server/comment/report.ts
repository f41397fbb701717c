import { withPermission } from '@passerelle/trpc';
import { reportContent } from '../../services/comments.ts';
import { ZReport } from '../schemas.ts';

/** Anyone signed in reports an idea or a comment to the moderators. */
export const report = withPermission('ideas.report.create')
  .input(ZReport)
  .mutation(({ ctx, input }) => reportContent({ db: ctx.db, actor: ctx.actor, ideaId: input.ideaId, commentId: input.commentId ?? null, reason: input.reason }));
