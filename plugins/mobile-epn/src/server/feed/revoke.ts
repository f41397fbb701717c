import { withPermission } from '@passerelle/trpc';
import { revokeFeed } from '../../services/feeds.ts';
import { ZFeedId } from './schemas.ts';

/** Revokes a feed: its URL answers 404 from now on. */
export const revoke = withPermission('mobile-epn.session.train')
  .input(ZFeedId)
  .mutation(({ ctx, input }) => revokeFeed({ db: ctx.db, actor: ctx.actor, id: input.id }));
