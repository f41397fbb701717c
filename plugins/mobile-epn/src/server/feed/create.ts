import { withPermission } from '@passerelle/trpc';
import { createFeed } from '../../services/feeds.ts';
import { ZFeedSubject } from './schemas.ts';

/** A private feed URL's token (shown once). Trainers: their own calendar; coordinators: any (checked in the service). */
export const create = withPermission('mobile-epn.session.train')
  .input(ZFeedSubject)
  .mutation(({ ctx, input }) => createFeed({ db: ctx.db, actor: ctx.actor, kind: input.kind, subjectId: input.subjectId }));
