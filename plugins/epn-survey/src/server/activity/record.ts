import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { recordActivity, ZActivityInput } from '../../services/activity.ts';

export const ZRecordActivity = z.object({ organisationId: z.string().min(1).max(64), activity: ZActivityInput });

/** One session (or a month's totals) for one of the caller's organisations. */
export const record = withPermission('epn-survey.activity.record')
  .input(ZRecordActivity)
  .mutation(({ ctx, input }) => recordActivity({ db: ctx.db, actor: ctx.actor, organisationId: input.organisationId, input: input.activity }));
