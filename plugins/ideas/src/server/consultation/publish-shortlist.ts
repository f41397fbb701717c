import { withPermission } from '@passerelle/trpc';
import { publishShortlist as publish } from '../../services/shortlist.ts';
import { ZPublishShortlist } from '../schemas.ts';

export const publishShortlist = withPermission('ideas.consultation.manage')
  .input(ZPublishShortlist)
  .mutation(async ({ ctx, input }) => {
    await publish({ db: ctx.db, actorId: ctx.actor.id, consultationId: input.consultationId });
    return { published: true };
  });
