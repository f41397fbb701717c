import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { updateActivity, ZActivityInput } from '../../services/activity.ts';

export const ZUpdateActivity = z.object({ id: z.string().min(1).max(64), activity: ZActivityInput });

/** Corrects a record of one of the caller's organisations (audited). */
export const update = withPermission('epn-survey.activity.record')
  .input(ZUpdateActivity)
  .mutation(({ ctx, input }) => updateActivity({ db: ctx.db, actor: ctx.actor, id: input.id, input: input.activity }));
