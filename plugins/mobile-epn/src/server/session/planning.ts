import { z } from 'zod';
import { withPermission } from '@passerelle/trpc';
import { planningOptions } from '../../services/sessions.ts';

/** The scheduling form's choices: the request (with its venue), active trainers and usable kits. */
export const planning = withPermission('mobile-epn.schedule.manage')
  .input(z.object({ requestId: z.string().min(1, { message: 'mobile_epn_sched_error_id' }).max(64, { message: 'mobile_epn_sched_error_id' }).nullable().default(null) }))
  .query(({ ctx, input }) => planningOptions({ db: ctx.db, actor: ctx.actor, requestId: input.requestId }));
