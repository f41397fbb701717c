import { withPermission } from '@passerelle/trpc';
import { moderationQueue } from '../../services/comments.ts';

export const queue = withPermission('ideas.moderation.manage').query(({ ctx }) => moderationQueue({ db: ctx.db }));
