import { withPermission } from '@passerelle/trpc';
import { listFeeds } from '../../services/feeds.ts';

/** The feeds of my calendar (coordinators: all feeds). Tokens are never listed. */
export const list = withPermission('mobile-epn.session.train').query(({ ctx }) => listFeeds({ db: ctx.db, actor: ctx.actor }));
